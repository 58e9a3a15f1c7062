package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.app.RecordingFiles;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.HotMethod;
import dev.vitals.model.query.HotMethods;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.events.EventTable;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.flame.FlameGraphAction;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.timeline.ThreadTimeline;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.zip.GZIPInputStream;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a user drives it: open a recording, open a bad file, watch the demo live, compare two ranges or two files. */
@ExtendWith(ApplicationExtension.class)
class SessionTabsTest {
    static final Path RECORDING = DemoRecording.FILE;
    private static final Path IO_TEST = Path.of(System.getProperty("vitals.corpus", "../../shared/corpus"))
            .resolve("io_test.jfr.gz");

    private MainWindow window;

    @Start
    void start(Stage stage) {
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test");
        preferences.putBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, false); // not about them: no finding notification over the alerts'
        window = new MainWindow(stage, preferences);
        window.show();
    }

    @AfterEach
    void endWhatTheWindowStarted(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    @Test
    void anOpenedRecordingShowsItsFlameGraphAndHotMethods(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(RECORDING));
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0);
        WaitForAsyncUtils.waitForFxEvents();
        CallTree tree = flame.getCallTree();
        int hash = DemoRecording.firstNodeNamed(tree, "dev.vitals.demo.Work.hashLoop");
        assertThat(100.0 * tree.total(hash) / tree.total(0)).isBetween(45.0, 75.0);
        @SuppressWarnings("unchecked")
        TableView<HotMethod> hot = find(robot, "#hot-methods", TableView.class);
        assertThat(hot.getItems().get(0).method()).isEqualTo("dev.vitals.demo.Work.hashLoop");
        assertThat(find(robot, "#profile-info", Label.class).getText())
                .contains("demo-jdk25-default.jfr").contains("25.0");
        assertThat(((Stage) flame.getScene().getWindow()).getTitle()).isEqualTo("Vitals — demo-jdk25-default.jfr");

        // A selection without samples says so over the flame graph instead of leaving it blank.
        Label empty = find(robot, "#flame-empty", Label.class);
        assertThat(empty.isVisible()).isFalse();
        dev.vitals.views.SelectionModel selection = find(robot, "#cpu-chart", dev.vitals.views.chart.MetricChart.class)
                .getSelectionModel();
        long end = snapshotEnd();
        robot.interact(() -> selection.select(selection.getSelection().withRange(end + 1_000_000_000L, end + 2_000_000_000L)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, empty::isVisible);
        assertThat(empty.getText()).isEqualTo("No samples in the selection");
    }

    @Test
    void clickingTheFlameScopeCellOfASpikeNarrowsTheFlameGraphToWorkSpike(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(RECORDING));
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(share(flame.getCallTree(), "dev.vitals.demo.Work.spike")).as("before").isLessThan(10);

        // As a user would: narrow the timeline to the requests thread, drag across its lane...
        ThreadTimeline timeline = find(robot, "#timeline", ThreadTimeline.class);
        TextField filter = robot.lookup((javafx.scene.Node n) -> n instanceof TextField f && "Filter threads".equals(f.getPromptText()))
                .queryAs(TextField.class);
        robot.clickOn(filter).write("requests");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> timeline.laneBounds("requests") != null);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds lane = timeline.laneBounds("requests");
        double left = lane.getMinX() + 160;
        Point2D from = timeline.localToScreen(left + 2, lane.getCenterY());
        Point2D to = timeline.localToScreen(lane.getMaxX() - 2, lane.getCenterY());
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> find(robot, "#selection", Label.class).getText().contains("1 thread"));

        // ...then click the FlameScope cell in the middle of the first 300 ms spike.
        robot.clickOn("FlameScope");
        FlameScopeHeatmap heatmap = awaitNode(robot, "#flamescope", FlameScopeHeatmap.class, Duration.ofSeconds(5));
        long spikeMiddle = DemoRecording.firstSpikeStartNanos() + 150_000_000L;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heatmap.cellValue(spikeMiddle) > 0);
        Bounds cell = heatmap.localToScreen(heatmap.cellBounds(spikeMiddle));
        robot.clickOn(new Point2D(cell.getCenterX(), cell.getCenterY()));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> share(flame.getCallTree(), "dev.vitals.demo.Work.spike") >= 50);
        assertThat(find(robot, "#selection", Label.class).getText()).contains(" s – ");
    }

    @Test
    void aTruncatedRecordingOpensWhatIsWholeAndSaysWhatWasSkipped(FxRobot robot, @TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(Path.of("../model/src/test/resources/recordings/demo-multichunk.jfr"));
        Path cut = Files.write(dir.resolve("cut.jfr"), java.util.Arrays.copyOf(whole, whole.length - 20_000));
        robot.interact(() -> window.open(cut));
        Label warning = awaitNode(robot, "#warnings", Label.class, Duration.ofSeconds(30));
        assertThat(warning.getText()).contains("cut.jfr");
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0);
    }

    @Test
    void doubleClickingAJvmInTheBrowserAttachesWithTheChosenSettings(FxRobot robot) throws Exception {
        Process demo = new ProcessBuilder(DemoWorkloadProcess.command(Duration.ofSeconds(60), 1, Duration.ofSeconds(2)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String pid = "pid " + demo.pid() + " ";
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<dev.vitals.attach.JvmDescriptor> jvms = robot.lookup("#jvm-list")
                    .queryAs(javafx.scene.control.ListView.class);
            // listed (and enabled) once the new JVM has published itself for attach
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> jvms.getItems().stream().anyMatch(j -> j.pid() == demo.pid() && j.attachable()));
            // many JVMs run on a shared machine: bring the demo's row into view, as a user would scroll to it
            robot.interact(() -> jvms.scrollTo(jvms.getItems().stream().filter(j -> j.pid() == demo.pid()).findFirst().orElseThrow()));
            WaitForAsyncUtils.waitForFxEvents();
            java.util.function.Predicate<javafx.scene.Node> demoCell = n -> n instanceof javafx.scene.control.ListCell<?> c
                    && c.isVisible() && c.getText() != null && c.getText().contains(pid);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> robot.from(jvms).lookup(demoCell).tryQuery().isPresent()));
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> settings = find(robot, "#settings", javafx.scene.control.ComboBox.class);
            robot.interact(() -> settings.setValue("detailed"));
            // At the row's left end: a row is as wide as the longest JVM name on the machine, wider
            // than the list, and the headless screen may cut off the window's left edge.
            javafx.scene.Node cell = onFx(() -> robot.from(jvms).lookup(demoCell).query());
            Bounds listOnScreen = jvms.localToScreen(jvms.getBoundsInLocal());
            Point2D inView = new Point2D(Math.max(listOnScreen.getMinX(), 0) + 8, cell.localToScreen(cell.getBoundsInLocal()).getCenterY());
            robot.doubleClickOn(inView, MouseButton.PRIMARY);

            // The detailed profile records per-thread CPU load every second; the default one does not.
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> present(robot, "#live-status")
                    || present(robot, "#failure-message"));
            assertThat(robot.lookup("#failure-message").tryQuery().map(n -> ((Label) n).getText())).as("attach failure").isEmpty();
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> events = awaitNode(robot, "#event-type", javafx.scene.control.ComboBox.class,
                    Duration.ofSeconds(5));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> events.getItems().contains("jdk.ObjectAllocationSample"));
            ProfileView view = find(robot, "#profile-view", ProfileView.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recorded(view, "jdk.ThreadCPULoad"));
        } finally {
            robot.interact(() -> window.closeAll());
            demo.destroy();
        }
    }

    @Test
    void aFileThatIsNotARecordingSaysSoInWords(FxRobot robot, @TempDir Path dir) throws Exception {
        Path notJfr = Files.writeString(dir.resolve("notes.jfr"), "these are not the bytes of a recording\n");
        robot.interact(() -> window.open(notJfr));
        Label message = awaitNode(robot, "#failure-message", Label.class, Duration.ofSeconds(30));
        assertThat(message.getText()).contains("notes.jfr").doesNotContain("Exception");
    }

    @Test
    void theDemoWatchedLiveFillsTheFlameGraphWithinSecondsOfAttachingAndSavesAsASession(FxRobot robot, @TempDir Path dir)
            throws Exception {
        startDemoAndAttach(robot, window);
        Label status = find(robot, "#live-status", Label.class);
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(5));
        long attached = System.nanoTime();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> flame.getCallTree() != null
                && DemoRecording.firstNodeNamed(flame.getCallTree(), "dev.vitals.demo.Work.hashLoop") > 0);
        assertThat(Duration.ofNanos(System.nanoTime() - attached)).isLessThan(Duration.ofSeconds(5));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Live"));
        // The overhead: JFR's writing time once two flushes arrived, and Vitals' own CPU.
        Label overhead = find(robot, "#overhead", Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> overhead.getText().contains("JFR writing"));
        assertThat(overhead.getText()).matches("Target: JFR writing \\d+\\.\\d\\d % of a core, JVM \\d+ % CPU  ·  Vitals \\d+\\.\\d % CPU"
                + "(  ·  findings \\d+\\.\\d s CPU/min)?");

        // The default settings sample allocations (20 a second).
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> events = find(robot, "#event-type", javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> events.getItems().contains("jdk.ObjectAllocationSample")));
        // Switching to the detailed settings while live: per-thread CPU load starts to arrive, nothing is lost.
        ProfileView view = find(robot, "#profile-view", ProfileView.class);
        assertThat(recorded(view, "jdk.ThreadCPULoad")).isFalse();
        long samplesBefore = onFx(() -> flame.getCallTree().total(0));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> settings = find(robot, "#live-settings", javafx.scene.control.ComboBox.class);
        robot.interact(() -> settings.setValue("detailed"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> recorded(view, "jdk.ThreadCPULoad"));
        assertThat(find(robot, "#live-notice", Label.class).getText()).isEqualTo("Recording with the detailed settings");
        // Settings that cannot be read: the notice says why, and the choice goes back to what is recorded.
        Label notice = find(robot, "#live-notice", Label.class);
        robot.interact(() -> settings.setValue(dir.resolve("missing.jfc").toString()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notice.getText().startsWith("Could not change the settings: "));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "detailed".equals(settings.getValue()));
        assertThat(onFx(() -> flame.getCallTree().total(0))).isGreaterThanOrEqualTo(samplesBefore);

        // "Trace this method" on Work.hashLoop: the target records its invocations as jdk.MethodTrace.
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> intervals = find(robot, "#interval-type", javafx.scene.control.ComboBox.class);
        assertThat(intervals.getItems()).doesNotContain("jdk.MethodTrace");
        // (The menu item itself is driven in FlameGraphInteractionTest; here its action reaches the live
        // target. The 1000×1000 test screen leaves the live flame graph a few rows, too few for this frame.)
        robot.interact(() -> {
            CallTree tree = flame.getCallTree();
            List<String> path = DemoRecording.path(tree, DemoRecording.firstNodeNamed(tree, "dev.vitals.demo.Work.hashLoop"));
            assertThat(flame.getTraceable().test(flame.frame(path))).as("Work.hashLoop can be traced").isTrue();
            flame.getOnAction().accept(new FlameGraphAction.TraceMethod(flame.frame(path)));
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> intervals.getItems().contains("jdk.MethodTrace"));
        assertThat(find(robot, "#live-notice", Label.class).getText())
                .isEqualTo("Tracing dev.vitals.demo.Work::hashLoop (jdk.MethodTrace)");

        // Saving while live packs what arrived into a session that opens like any recording.
        LiveTab live = (LiveTab) find(robot, "#sessions", TabPane.class).getTabs().stream()
                .filter(tab -> tab instanceof LiveTab).findFirst().orElseThrow();
        Path saved = live.saveTo(dir.resolve("live.vitals")).get(30, TimeUnit.SECONDS);
        RecordingFiles reopened = RecordingFiles.open(saved);
        assertThat(HotMethods.of(reopened.snapshot(), dev.vitals.model.query.Selection.cpu(), 5))
                .extracting(HotMethod::method).contains("dev.vitals.demo.Work.hashLoop");
        robot.interact(() -> window.closeAll());
    }

    /** Starts the demo (a 300 ms spike every 2 s) from the window and waits until its live tab is attached. */
    static void startDemoAndAttach(FxRobot robot, MainWindow window) throws Exception {
        robot.interact(() -> {
            try {
                window.startDemo(DemoWorkloadProcess.command(Duration.ofSeconds(60), 1, Duration.ofSeconds(2)));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> present(robot, "#live-status")
                || present(robot, "#failure-message"));
        assertThat(robot.lookup("#failure-message").tryQuery()).as("attach failure").isEmpty();
    }

    @Test
    void aSpikeComparedWithAQuietSecondShowsWorkSpikeGrownInRed(FxRobot robot) throws Exception {
        long spike = DemoRecording.firstSpikeStartNanos();
        robot.interact(() -> window.open(DemoRecording.FILE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> present(robot, "#cpu-chart"));
        SelectionModel selection = find(robot, "#cpu-chart", MetricChart.class).getSelectionModel();

        // Baseline: the second before the spike (no spike runs in it); by the button.
        robot.interact(() -> selection.select(selection.getSelection().withRange(spike - 2_000_000_000L, spike - 1_000_000_000L)));
        robot.clickOn("#set-baseline");
        assertThat(find(robot, "#profile-info", Label.class).getText()).startsWith("Baseline: ");

        // Comparison: the spike; by the keyboard shortcut.
        robot.interact(() -> selection.select(selection.getSelection().withRange(spike, spike + 300_000_000L)));
        robot.clickOn("#selection").press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> present(robot, "#diff-flame-graph"));
        FlameGraph diff = find(robot, "#diff-flame-graph", FlameGraph.class);
        TabPane tabs = find(robot, "#sessions", TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem()).isInstanceOf(DiffTab.class);
        assertThat(find(robot, "#diff-heading", Label.class).getText()).contains(" s – ").contains("→");
        assertThat(DemoRecording.firstNodeNamed(diff.getDiff().baselineTree(), "dev.vitals.demo.Work.spike")).as("no spike in the baseline").isEqualTo(-1);
        CallTree after = diff.getCallTree();
        int node = DemoRecording.firstNodeNamed(after, "dev.vitals.demo.Work.spike");
        assertThat(node).as("the spike in the comparison").isPositive();

        WaitForAsyncUtils.waitForFxEvents();
        List<String> path = DemoRecording.path(after, node);
        Color colour = WaitForAsyncUtils.asyncFx(() -> {
            Bounds b = diff.frameBounds(diff.frame(path));
            return diff.snapshot(null, null).getPixelReader().getColor((int) (b.getMaxX() - 4), (int) b.getCenterY());
        }).get(10, TimeUnit.SECONDS);
        assertThat(colour.getRed()).as("grown: red, " + colour).isGreaterThan(colour.getBlue() + 0.3);
    }

    @Test
    void twoRecordingsCompareWholeWithTheirCpuSamples(FxRobot robot) throws Exception {
        java.nio.file.Path jdk17 = java.nio.file.Path.of("../model/src/test/resources/recordings/demo-jdk17-default.jfr");
        robot.interact(() -> {
            DiffTab tab = DiffTab.ofFiles(jdk17, DemoRecording.FILE);
            TabPane tabs = robot.lookup("#sessions").queryAs(TabPane.class);
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> present(robot, "#diff-flame-graph"));
        FlameGraph diff = find(robot, "#diff-flame-graph", FlameGraph.class);
        long before = dev.vitals.model.query.CallTrees.topDown(dev.vitals.model.jfr.JfrFiles.importFile(jdk17).snapshot(),
                dev.vitals.model.query.Selection.cpu()).total(0);
        long after = dev.vitals.model.query.CallTrees.topDown(DemoRecording.snapshot(), dev.vitals.model.query.Selection.cpu()).total(0);
        assertThat(diff.getDiff().baseline(0)).isEqualTo(before).isPositive();
        assertThat(diff.getCallTree().total(0)).isEqualTo(after).isPositive();
        assertThat(find(robot, "#diff-heading", Label.class).getText())
                .startsWith(String.format("demo-jdk17-default.jfr (%,d samples)  →  demo-jdk25-default.jfr (%,d samples)", before, after));
    }

    /**
     * A real recording without CPU samples (JMC's {@code io_test}: file and socket events only, none
     * with a stack) opens with its most frequent event type chosen in the Events selector and says so,
     * and that those events have no stacks to draw, instead of an empty selector over "No samples in
     * the selection".
     */
    @Test
    void anIoRecordingChoosesItsMostFrequentEventTypeAndSaysWhatItLacks(FxRobot robot, @TempDir Path temp) throws Exception {
        assumeTrue(Files.isRegularFile(IO_TEST), "the shared corpus is absent (" + IO_TEST.toAbsolutePath() + ")");
        Path recording = temp.resolve("io_test.jfr");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(IO_TEST));
             OutputStream out = Files.newOutputStream(recording)) {
            in.transferTo(out);
        }
        robot.interact(() -> window.open(recording));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#flame-graph").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> events = robot.lookup("#event-type").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "jdk.FileRead".equals(events.getValue()));
        Label info = robot.lookup("#profile-info").queryAs(Label.class);
        Label empty = robot.lookup("#flame-empty").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> empty.getText().startsWith("No CPU samples"));
        WaitForAsyncUtils.waitForFxEvents();

        // jfr summary: 9212 jdk.FileRead, 4653 jdk.FileWrite, 373 jdk.SocketWrite, 209 jdk.SocketRead, none with a stack
        assertThat(onFx(() -> List.copyOf(events.getItems())))
                .containsExactly("jdk.FileRead", "jdk.FileWrite", "jdk.SocketWrite", "jdk.SocketRead");
        assertThat(onFx(info::getText)).contains("no CPU samples: showing jdk.FileRead events");
        assertThat(onFx(empty::isVisible)).isTrue();
        assertThat(onFx(empty::getText)).isEqualTo("No CPU samples, and the jdk.FileRead events carry"
                + " no stacks: see them in the Events tab and the Latency heatmap");
        FlameGraph flame = robot.lookup("#flame-graph").queryAs(FlameGraph.class);
        assertThat(onFx(() -> flame.getCallTree().total(0))).as("the reads' durations").isPositive();
        EventTable table = robot.lookup("#events").queryAs(EventTable.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getEvents() != null && table.getEvents().total() > 0);
    }

    /** Reads {@code read} on the FX thread. */
    static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Percent of the tree's samples under frames named {@code name} (outermost occurrences). */
    static double share(CallTree tree, String name) {
        long under = 0;
        for (int i = 1; i < tree.size(); ) {
            if (tree.name(i).equals(name)) {
                under += tree.total(i);
                i = tree.subtreeEnd(i);
            } else {
                i++;
            }
        }
        return tree.total(0) == 0 ? 0 : 100.0 * under / tree.total(0);
    }

    private static long snapshotEnd() throws Exception {
        return JfrFiles.importFile(RECORDING).snapshot().info().endNanos();
    }

    static <T extends javafx.scene.Node> T awaitNode(FxRobot robot, String query, Class<T> type, Duration timeout) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, () -> present(robot, query));
        return find(robot, query, type);
    }

    /**
     * Whether a node matches {@code query}, looked up on the FX thread: a live session changes the
     * scene graph all the time, and a lookup from the test thread can meet a list mid-change.
     */
    static boolean present(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    /** Whether the data a session's view shows hold events of {@code type}. */
    static boolean recorded(ProfileView view, String type) throws Exception {
        return onFx(() -> view.liveWindow().shown().info().eventCounts().getOrDefault(type, 0L) > 0);
    }

    /** The node matching {@code query}, looked up on the FX thread (see {@link #present}). */
    static <T extends javafx.scene.Node> T find(FxRobot robot, String query, Class<T> type) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(type));
    }
}
