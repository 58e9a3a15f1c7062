package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static dev.vitals.app.ui.SessionTabsTest.present;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.HistogramRow;
import dev.vitals.model.diagnostics.ThreadDump;
import dev.vitals.model.session.AlertActions;
import dev.vitals.model.session.AlertRule;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.SessionDiagnostics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Evidence on alert: the default p99 rule (which takes a thread dump), given a heap histogram and a
 * snapshot of the last minute too, fires live on the demo's spike (every 2 s); the alert's bookmark
 * gets a thread dump of that moment, a histogram and a {@code .vitals} snapshot; saved, closed and
 * reopened, the session still holds them with the bookmark, and the snapshot opens from the
 * bookmark in a tab of its own.
 */
@ExtendWith(ApplicationExtension.class)
class AlertEvidenceTest {
    private static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals/test-evidence");

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        PREFERENCES.clear();
        PREFERENCES.putBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, false); // not about them: no finding notification over the alerts'
        window = new MainWindow(stage, PREFERENCES);
        window.show();
    }

    @Test
    void theSpikesAlertTakesADumpAndASnapshotThatStayWithItsBookmark(FxRobot robot, @TempDir Path dir) throws Exception {
        AlertRule slowRequests = AlertRule.defaults().get(3);
        assertThat(slowRequests.actions()).as("the default").isEqualTo(new AlertActions(true, false, 0));
        new AlertDefaults(PREFERENCES).save(List.of(slowRequests.withActions(new AlertActions(true, true, 1))));
        Process demo = new ProcessBuilder(DemoWorkloadProcess.command(Duration.ofSeconds(400), 1, Duration.ofSeconds(2)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            attach(robot, demo.pid());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> present(robot, "#diagnostics"));
            LiveTab live = onFx(() -> (LiveTab) robot.lookup("#sessions").queryAs(TabPane.class)
                    .getSelectionModel().getSelectedItem());

            // The next spike fires the rule; its bookmark gets a dump of the demo's threads and a snapshot.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (onFx(() -> live.diagnosticsKept().snapshots().isEmpty())) {
                assertThat(System.nanoTime()).as("a dump and a snapshot for an alert's bookmark; %d bookmarks, %d alerts,"
                                + " kept %s, notice '%s'",
                        onFx(() -> live.view().annotations().bookmarks().size()),
                        onFx(() -> live.view().annotations().alerts().size()),
                        onFx(() -> live.diagnosticsKept().snapshot().items().stream()
                                .map(i -> i.takenEpochMillis() + "/" + i.bookmark()).toList()),
                        find(robot, "#live-notice", Label.class).getText()).isLessThan(end);
                Thread.sleep(500);
            }
            SessionDiagnostics kept = onFx(() -> live.diagnosticsKept().snapshot());
            // the actions are taken in order, so the first snapshot's bookmark has its dump already
            SessionDiagnostics.Snapshot snapshot = kept.snapshots().getFirst();
            Bookmark bookmark = snapshot.bookmark();
            SessionDiagnostics.Dump evidence = (SessionDiagnostics.Dump) kept.evidenceFor(bookmark).stream()
                    .filter(SessionDiagnostics.Dump.class::isInstance).findFirst().orElseThrow();
            assertThat(snapshot.minutes()).isEqualTo(1);
            SessionDiagnostics.Histogram histogram = (SessionDiagnostics.Histogram) kept.evidenceFor(bookmark).stream()
                    .filter(SessionDiagnostics.Histogram.class::isInstance).findFirst().orElseThrow();
            assertThat(histogram.histogram().liveOnly()).isTrue();
            assertThat(histogram.histogram().rows()).extracting(HistogramRow::className).contains("java.lang.Thread", "java.lang.String");
            assertThat(bookmark.label()).matches(AlertsAndBookmarksTest.SPIKE_ALERT);
            assertThat(onFx(() -> List.copyOf(live.view().annotations().bookmarks()))).contains(bookmark);
            ThreadDump dump = evidence.dump();
            assertThat(dump.threads()).extracting(DumpedThread::name).contains("requests", "worker-1", "contender-1");
            // taken when the alert fired: within seconds after the alert's window ended
            assertThat(dump.takenEpochMillis() * 1_000_000L - bookmark.toNanos()).isBetween(0L, 15_000_000_000L);

            // Kept in the session folder before any save (a crash now loses none of it), with the bookmark.
            Path folder = onFx(live::sessionFolder);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> keptInFolder(folder, bookmark)
                    .containsAll(List.of(evidence, histogram, snapshot)));
            assertThat(LiveSessionFolder.open(folder).manifest().bookmarks()).contains(bookmark);

            // Saved, closed, reopened: the dump and the snapshot are still there, attached to the same bookmark.
            Path saved = onFx(() -> live.saveTo(dir.resolve("evidence.vitals"))).get(30, TimeUnit.SECONDS);
            assertThat(SessionDiagnostics.read(saved).evidenceFor(bookmark)).contains(evidence, histogram, snapshot);
            robot.interact(() -> {
                live.close();
                live.getTabPane().getTabs().remove(live);
            });
            robot.interact(() -> window.open(saved));
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> present(robot, "#kept-diagnostics")
                    || present(robot, "#failure-message"));
            assertThat(robot.lookup("#failure-message").tryQuery().map(n -> ((Label) n).getText())).isEmpty();
            assertThat(find(robot, "#kept-diagnostics", Label.class).getText())
                .containsPattern("thread dumps?, \\d+ heap histograms?, \\d+ snapshots? \\(\\d+ taken by alerts; a snapshot opens"
                        + " from its bookmark in Notes\\)");
            ProfileView reopened = find(robot, "#profile-view", ProfileView.class);
            assertThat(onFx(() -> List.copyOf(reopened.annotations().bookmarks()))).contains(bookmark);
            robot.clickOn("#show-kept-diagnostics");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#dumps"));
            @SuppressWarnings("unchecked")
            ComboBox<ThreadDump> dumps = find(robot, "#dumps", ComboBox.class);
            assertThat(onFx(() -> dumps.getItems().stream().map(d -> dumps.getConverter().toString(d)).toList()))
                    .anySatisfy(text -> assertThat(text).contains(bookmark.label()));
            robot.interact(() -> dumps.getScene().getWindow().hide());

            // The snapshot opens from its bookmark in the Notes tab: a session of the minute before the alert.
            robot.clickOn("Notes");
            @SuppressWarnings("unchecked")
            ListView<Bookmark> bookmarks = find(robot, "#bookmarks", ListView.class);
            robot.interact(() -> bookmarks.getSelectionModel().select(bookmark));
            assertThat(find(robot, "#open-snapshot", Button.class).isDisabled()).as("Open Snapshot").isFalse();
            robot.clickOn("#open-snapshot");
            TabPane tabs = find(robot, "#sessions", TabPane.class);
            end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (onFx(() -> tabs.getTabs().stream().noneMatch(t ->
                    t instanceof RecordingTab r && r.file().getFileName().toString().startsWith("alert-")))) {
                assertThat(System.nanoTime()).as("the snapshot's tab; tabs %s, '%s'", onFx(() -> tabs.getTabs().stream()
                        .map(Tab::getText).toList()), find(robot, "#bookmarks-status", Label.class).getText()).isLessThan(end);
                Thread.sleep(200);
            }
            RecordingTab opened = onFx(() -> (RecordingTab) tabs.getSelectionModel().getSelectedItem());
            assertThat(opened.file().getFileName().toString()).isEqualTo(Path.of(snapshot.entry()).getFileName().toString());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> opened.getContent() != null
                    && opened.getContent().lookup("#profile-view") != null));
            ProfileView snapshotView = onFx(() -> (ProfileView) opened.getContent().lookup("#profile-view"));
            assertThat(onFx(() -> List.copyOf(snapshotView.annotations().bookmarks()))).containsExactly(bookmark);
        } finally {
            robot.interact(() -> window.closeAll());
            demo.destroy();
        }
    }

    /**
     * Attaches the window to the demo; on a machine so loaded that the first attach misses its
     * deadline, the tab that says so is closed and the attach asked again (the JVM answers faster
     * once its agent has started).
     */
    private void attach(FxRobot robot, long pid) throws Exception {
        for (int attempt = 1; ; attempt++) {
            robot.interact(() -> window.attach(pid, "vitals-demo.jar", "default"));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> present(robot, "#live-status")
                    || present(robot, "#failure-message"));
            if (!present(robot, "#failure-message") || attempt == 3) {
                break;
            }
            robot.interact(() -> {
                TabPane tabs = robot.lookup("#sessions").queryAs(TabPane.class);
                tabs.getTabs().remove(tabs.getSelectionModel().getSelectedItem());
            });
        }
        assertThat(robot.lookup("#failure-message").tryQuery()).as("attach failure").isEmpty();
    }

    /** What the session folder holds for {@code bookmark} now (nothing while it is being written). */
    private static List<SessionDiagnostics.Item> keptInFolder(Path folder, Bookmark bookmark) {
        try {
            return SessionDiagnostics.read(folder).evidenceFor(bookmark);
        } catch (IOException e) {
            return List.of();
        }
    }
}
