package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.ui.findings.FindingsPane;
import dev.vitals.app.ui.findings.LiveFindings;
import dev.vitals.model.finding.EvidenceSelection;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.model.session.AlertRule;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.timeline.ThreadTimeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Live on the demo, the findings of the last minutes arrive within a period, are marked, bookmarked
 * and notified, and a click on the notification narrows the views to the worst one's evidence.
 * The Findings view on the committed demo recording: the analysis arrives after the flame graph and
 * the time views (and is cancelled from the view),
 * comes forward when something scored Warning, lists the lock contention between the demo's
 * {@code contender} threads, and a click on it narrows the flame graph to the contended frames
 * ({@code Work.holdLock} under {@code jdk.JavaMonitorEnter}) and the timeline's selection to the
 * contenders; findings are saved with the session and reopen without being computed again.
 */
@ExtendWith(ApplicationExtension.class)
class FindingsViewTest {
    private static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals/test-findings");
    private static final String HOLD_LOCK = "dev.vitals.demo.Work.holdLock";

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        PREFERENCES.clear();
        this.stage = stage;
        window = new MainWindow(stage, PREFERENCES);
        window.show();
    }

    @AfterEach
    void endWhatTheWindowStarted(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    @Test
    void liveTheFindingsOfTheLastMinutesArriveWithinAPeriodAreMarkedBookmarkedAndNotifiedAndTheNotificationNarrowsTheViews(
            FxRobot robot) throws Exception {
        // The headless screen is 1000×1000 and its glass cannot draw a window that reaches past its bottom
        // edge (IndexOutOfBoundsException in HeadlessWindow.blit): the window stops 200 px above it, so the
        // notification popping up at its bottom right stays on the screen.
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1000);
            stage.setHeight(800);
        });
        PREFERENCES.putBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, true);
        // no alert rules: the only notification is the findings'
        new AlertDefaults(PREFERENCES).save(AlertRule.defaults().stream().map(r -> r.withEnabled(false)).toList());
        SessionTabsTest.startDemoAndAttach(robot, window);
        ProfileView view = SessionTabsTest.awaitNode(robot, "#profile-view", ProfileView.class, Duration.ofSeconds(30));
        long attached = System.nanoTime();
        // the first evaluation runs one period after the view opened; on a loaded machine it may take a while
        Findings findings = awaitFindings(view);
        assertThat(Duration.ofNanos(System.nanoTime() - attached))
                .isLessThan(LiveFindings.PERIOD.plus(Duration.ofSeconds(40)));
        // the first evaluation's findings at Info or worse are all new: one notification names them, worst first
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> SessionTabsTest.present(robot, ".notification-bar"));
        Node bar = onFx(() -> robot.lookup(".notification-bar").queryAll().stream().filter(Node::isVisible)
                .reduce((a, b) -> b).orElseThrow());
        List<Finding> announced = findings.atLeast(FindingSeverity.INFO);
        Finding worst = announced.getFirst();
        assertThat(onFx(() -> robot.from(bar).lookup(".title").queryAs(Label.class).getText()))
                .isEqualTo(announced.size() == 1 ? "Finding: " + worst.name() : announced.size() + " new findings");

        // the demo's 300 ms spike requests (one every 2 s) come out as a warning with their span ...
        Finding slow = findings.of("vitals.SlowEvents");
        assertThat(slow.severity()).isEqualTo(FindingSeverity.WARNING);
        ThreadTimeline timeline = find(robot, "#timeline", ThreadTimeline.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> timeline.getMarkers().stream()
                .anyMatch(m -> m.kind() == TimeMarker.Kind.FINDING && m.fromNanos() == slow.evidence().fromNanos())));
        // ... and, being new, are announced: a bookmark each
        assertThat(onFx(() -> List.copyOf(view.annotations().bookmarks()))).extracting(b -> b.label())
                .contains("Finding: " + slow.name());
        assertThat(onFx(view::liveFindingsCpu)).isPositive();

        // a click on the notification selects the worst finding and narrows the views to its evidence
        robot.clickOn(bar);
        @SuppressWarnings("unchecked")
        ListView<Finding> list = find(robot, "#findings-list", ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> list.getSelectionModel().getSelectedItem() != null));
        Finding selected = onFx(() -> list.getSelectionModel().getSelectedItem());
        assertThat(selected.ruleId()).isEqualTo(worst.ruleId());
        assertThat(onFx(() -> list.isVisible() && list.getScene() != null)).as("the Findings tab in front").isTrue();
        Selection expected = onFx(() -> EvidenceSelection.of(selected, view.liveWindow().shown()));
        assertThat(expected).as("the evidence narrows something").isNotEqualTo(Selection.cpu());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> {
            Selection now = timeline.getSelectionModel().getSelection();
            return now.fromNanos() == expected.fromNanos() && now.toNanos() == expected.toNanos()
                    && now.threads().equals(expected.threads()) && now.events().equals(expected.events());
        }));
    }

    @Test
    void theAnalysisWaitsForTheFlameGraphAndTheTimeViewsAndIsCancelledFromTheView(FxRobot robot) throws Exception {
        // the time views' query thread and the analysis thread are held, so the order is certain
        CountDownLatch timeViews = hold(Background.VIEW_QUERIES);
        CountDownLatch analysis = hold(Background.ANALYSIS);
        try {
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(800);
                window.open(SessionTabsTest.RECORDING);
            });
            FlameGraph flame = SessionTabsTest.awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
            ProfileView view = find(robot, "#profile-view", ProfileView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> flame.getCallTree() != null));
            ThreadTimeline timeline = find(robot, "#timeline", ThreadTimeline.class);
            for (int pulse = 0; pulse < 5; pulse++) {
                Thread.sleep(100);
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertThat(onFx(timeline::isComputing)).as("the timeline still waits for its answer").isTrue();
            assertThat(onFx(() -> view.findings().isAnalysing())).as("no analysis before the time views answer").isFalse();

            timeViews.countDown();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> view.findings().isAnalysing()));
            assertThat(onFx(timeline::isComputing)).isFalse();

            // the analysis waits for its thread: cancelled from the Findings view, it never runs
            TabPane tabs = onFx(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                    .filter(p -> p.getTabs().stream().anyMatch(t -> "findings-tab".equals(t.getId()))).findFirst().orElseThrow());
            robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "findings-tab".equals(t.getId())).findFirst().orElseThrow()));
            Button cancel = find(robot, "#findings-cancel", Button.class);
            assertThat(onFx(cancel::isVisible)).isTrue();
            robot.interact(cancel::fire);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !onFx(() -> view.findings().isAnalysing()));
            assertThat(onFx(() -> find(robot, "#findings-status", Label.class).getText())).isEqualTo("Analysis cancelled");
            assertThat(onFx(() -> view.findings().findingsProperty().get())).isNull();
        } finally {
            timeViews.countDown();
            analysis.countDown();
        }
    }

    /** Occupies {@code executor}'s one thread until the latch returned is counted down. */
    private static CountDownLatch hold(ExecutorService executor) {
        CountDownLatch release = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }

    @Test
    void clickingTheContentionFindingNarrowsTheViewsToItsEvidence(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        FlameGraph flame = SessionTabsTest.awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        ProfileView view = find(robot, "#profile-view", ProfileView.class);
        Findings findings = awaitFindings(view);
        assertThat(SessionTabsTest.share(flame.getCallTree(), HOLD_LOCK)).as("CPU samples before").isLessThan(10);

        // a Warning came out, so the Findings tab is in front
        TabPane tabs = onFx(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(p -> p.getTabs().stream().anyMatch(t -> "findings-tab".equals(t.getId()))).findFirst().orElseThrow());
        assertThat(findings.worst()).isEqualTo(FindingSeverity.WARNING);
        assertThat(onFx(() -> tabs.getSelectionModel().getSelectedItem().getId())).isEqualTo("findings-tab");

        @SuppressWarnings("unchecked")
        ListView<Finding> list = find(robot, "#findings-list", ListView.class);
        Finding contention = onFx(() -> list.getItems().stream().filter(f -> f.ruleId().equals("JavaBlocking"))
                .findFirst().orElseThrow());
        assertThat(onFx(() -> list.getItems())).isSortedAccordingTo(Finding.WORST_FIRST);
        robot.interact(() -> list.scrollTo(contention));
        robot.clickOn(robot.lookup("#findings-list .list-cell").match(
                (javafx.scene.control.ListCell<?> c) -> contention.equals(c.getItem())).queryAs(javafx.scene.Node.class));

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> SessionTabsTest.share(flame.getCallTree(), HOLD_LOCK) >= 90);
        ThreadTimeline timeline = find(robot, "#timeline", ThreadTimeline.class);
        Selection selection = onFx(() -> timeline.getSelectionModel().getSelection());
        assertThat(selection.events()).isEqualTo(new EventSelector.OfType("jdk.JavaMonitorEnter"));
        Set<String> threads = new TreeSet<>();
        for (int t : selection.threads()) {
            threads.add(timeline.getSnapshot().threads().name(t));
        }
        assertThat(threads).contains("contender-1", "contender-2").allMatch(n -> n.startsWith("contender-"));
    }

    @Test
    void findingsWithASpanAreMarkedOnTheTimeViews(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        ProfileView view = SessionTabsTest.awaitNode(robot, "#profile-view", ProfileView.class, Duration.ofSeconds(30));
        Findings findings = awaitFindings(view);
        robot.interact(() -> view.findings().minSeverityProperty().set(FindingSeverity.OK));
        ThreadTimeline timeline = find(robot, "#timeline", ThreadTimeline.class);
        long spans = findings.findings().stream().filter(f -> f.evidence().hasSpan()).count();
        assertThat(spans).isPositive();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> timeline.getMarkers().stream()
                .filter(m -> m.kind() == TimeMarker.Kind.FINDING).count()) == spans);
    }

    @Test
    void savedFindingsReopenWithoutAnalysingAgain(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        ProfileView view = SessionTabsTest.awaitNode(robot, "#profile-view", ProfileView.class, Duration.ofSeconds(30));
        Findings findings = awaitFindings(view);
        RecordingTab tab = onFx(() -> (RecordingTab) robot.lookup("#sessions").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem());
        Path saved = onFx(() -> tab.saveTo(dir.resolve("findings.vitals"))).get(30, TimeUnit.SECONDS);
        robot.interact(() -> tab.getTabPane().getTabs().remove(tab));

        robot.interact(() -> window.open(saved));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#profile-view").tryQuery()
                .map(n -> ((ProfileView) n).findings().findingsProperty().get() != null).orElse(false)));
        ProfileView reopened = find(robot, "#profile-view", ProfileView.class);
        assertThat(onFx(() -> reopened.findings().findingsProperty().get())).isEqualTo(findings);
        assertThat(onFx(() -> reopened.findings().isAnalysing())).isFalse();
    }

    private static Findings awaitFindings(ProfileView view) throws Exception {
        FindingsPane pane = onFx(view::findings);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> pane.findingsProperty().get()) != null);
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> pane.findingsProperty().get());
    }
}
