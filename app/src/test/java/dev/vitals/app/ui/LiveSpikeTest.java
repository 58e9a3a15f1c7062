package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.awaitNode;
import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static dev.vitals.app.ui.SessionTabsTest.share;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.TimeRange;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.heatmap.LatencyHeatmap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The headline promise, driven as a user would on the live demo (a 300 ms {@code Work.spike} every
 * 2 s on the {@code requests} thread) while data keeps arriving: from the first samples, one click
 * on a spike's alert tick over the CPU chart (the view the live tab opens on), or one click on its
 * latency cell, makes {@code Work.spike} at least half of the flame graph, the first time; and the
 * views do not move between pressing and releasing, however long the press.
 */
@ExtendWith(ApplicationExtension.class)
class LiveSpikeTest {
    private static final String SPIKE = "dev.vitals.demo.Work.spike";
    private static final String REQUEST = "dev.vitals.demo.Request";
    private static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals/test-live-spike");

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        PREFERENCES.clear();
        PREFERENCES.putBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, false); // not about them: no finding notification over the alerts'
        window = new MainWindow(stage, PREFERENCES);
        window.show();
    }

    @AfterEach
    void endWhatTheWindowStarted(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    @Test
    void oneClickOnASpikesAlertTickOrItsLatencyCellShowsWorkSpikeWhileDataKeepArriving(FxRobot robot) throws Exception {
        SessionTabsTest.startDemoAndAttach(robot, window);
        // The first minute teaches: what the demo does and how to reach its stacks, dismissed once for good.
        assertThat(find(robot, "#demo-hint-text", javafx.scene.control.Label.class).getText())
                .contains("300 ms", "Work.spike", "every 5 s", "contender", "red tick");
        robot.clickOn("#demo-hint-dismiss");
        assertThat(SessionTabsTest.present(robot, "#demo-hint")).isFalse();
        assertThat(DemoHint.wanted(PREFERENCES)).isFalse();
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(5));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0));
        LiveWindow live = onFx(() -> ((LiveTab) find(robot, "#sessions", TabPane.class).getTabs().stream()
                .filter(tab -> tab instanceof LiveTab).findFirst().orElseThrow()).view().liveWindow());
        MetricChart cpu = find(robot, "#timeline-cpu-chart", MetricChart.class);

        // Route 1: the first spike's alert tick above the CPU chart, one click.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> cpu.getMarkers().stream()
                .anyMatch(m -> m.kind() == TimeMarker.Kind.ALERT && m.label().startsWith("Slow requests"))));
        assertThat(onFx(live::mode)).isEqualTo(LiveWindow.Mode.FOLLOWING);
        // The user moves the pointer onto the chart and aims at the tick (moving holds the views still).
        robot.moveTo(cpu);
        TimeMarker tick = onFx(() -> cpu.getMarkers().stream()
                .filter(m -> m.kind() == TimeMarker.Kind.ALERT && m.label().startsWith("Slow requests")).findFirst().orElseThrow());
        Point2D onTick = onFx(() -> aimAt(cpu, tick));
        robot.moveTo(onTick);
        for (int again = 0; again < 3 && !onFx(() -> aimAt(cpu, tick)).equals(onTick); again++) {
            onTick = onFx(() -> aimAt(cpu, tick));
            robot.moveTo(onTick);
        }
        robot.press(MouseButton.PRIMARY);
        Map.Entry<TimeRange, ProfileSnapshot> pressed = onFx(() -> Map.entry(cpu.getTimeAxis().getVisible(), cpu.getSnapshot()));
        // A slow press on a loaded machine: data keep arriving while the button is down.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(live::behind));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertThat(onFx(() -> Map.entry(cpu.getTimeAxis().getVisible(), cpu.getSnapshot()))).as("the view between press and release")
                .isEqualTo(pressed);
        robot.release(MouseButton.PRIMARY);
        assertThat(onFx(() -> cpu.getSelectionModel().getSelection().fromNanos())).as("the tick's span selected")
                .isEqualTo(tick.fromNanos());
        awaitSpike(flame, () -> "the tick " + tick);
        assertThat(onFx(live::mode)).isEqualTo(LiveWindow.Mode.HELD);

        // Route 2: the whole recording again, following (End), then the latency heatmap: rest the
        // pointer on it and click a spike's cell.
        robot.clickOn("#selection-clear");
        robot.press(KeyCode.END).release(KeyCode.END);
        assertThat(onFx(live::mode)).isEqualTo(LiveWindow.Mode.FOLLOWING);
        assertThat(onFx(() -> cpu.getSelectionModel().getSelection().fromNanos())).as("cleared").isEqualTo(Long.MIN_VALUE);
        robot.clickOn("#latency-tab");
        LatencyHeatmap latency = find(robot, "#latency", LatencyHeatmap.class);
        robot.moveTo(latency);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !latency.isComputing()));
        EventList.Row spike = onFx(() -> EventList.of(latency.getSnapshot(), Selection.of(new EventSelector.OfType(REQUEST)), 1_000_000)
                .rows().stream().filter(r -> Boolean.TRUE.equals(r.fields().get("spike"))).reduce((a, b) -> b).orElseThrow());
        Bounds cell = onFx(() -> latency.localToScreen(latency.cellBounds(spike.startNanos(), spike.durationNanos())));
        robot.moveTo(new Point2D(cell.getCenterX(), cell.getCenterY()));
        for (int aim = 0; aim < 3 && !onFx(() -> latency.localToScreen(latency.cellBounds(spike.startNanos(), spike.durationNanos()))).equals(cell); aim++) {
            cell = onFx(() -> latency.localToScreen(latency.cellBounds(spike.startNanos(), spike.durationNanos())));
            robot.moveTo(new Point2D(cell.getCenterX(), cell.getCenterY()));
        }
        robot.clickOn(MouseButton.PRIMARY);
        Selection s = onFx(() -> latency.getSelectionModel().getSelection());
        assertThat(s.minDurationNanos()).as("the cell's duration band holds the spike: " + s + " latency height "
                + onFx(latency::getHeight) + ", cell " + cell).isLessThanOrEqualTo(spike.durationNanos());
        assertThat(s.maxDurationNanos()).isGreaterThan(spike.durationNanos());
        long cellSamples = CallTrees.topDown(onFx(live::shown), s.withFrameFilter(null)).total(0);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> flame.getCallTree().total(0)) == cellSamples);
        Bounds clicked = cell;
        ProfileSnapshot answered = onFx(live::shown);
        awaitSpike(flame, () -> "the cell " + clicked + " of the spike " + spike.startNanos() + " +" + spike.durationNanos()
                + " on thread " + spike.thread() + ", selected " + s + "; samples during the spike on its thread: "
                + CallTrees.topDown(answered, Selection.cpu().withRange(spike.startNanos(),
                        spike.startNanos() + spike.durationNanos()).withThreads(java.util.Set.of(spike.threadIndex()))).total(0));
        assertThat(s.fromNanos()).isLessThanOrEqualTo(spike.startNanos());
        assertThat(s.toNanos()).isGreaterThan(spike.startNanos());
        assertThat(s.minDurationNanos()).isLessThanOrEqualTo(spike.durationNanos());
        assertThat(s.maxDurationNanos()).isGreaterThan(spike.durationNanos());
        assertThat(onFx(live::behind)).as("data kept arriving").isTrue();
    }

    /**
     * Where a user aims at {@code tick}: on it and off every narrower marker (where overlapping ticks
     * hold the pointer, the narrowest is the one clicked: a shorter alert of another rule inside the
     * tick), in screen coordinates.
     */
    private static Point2D aimAt(MetricChart chart, TimeMarker tick) {
        Bounds on = chart.markerBounds(tick);
        List<Bounds> others = chart.getMarkers().stream().filter(m -> !m.equals(tick)).map(chart::markerBounds)
                .filter(b -> b != null && b.getWidth() <= on.getWidth()).toList();
        double y = on.getCenterY();
        for (double dx = 0; dx <= on.getWidth() / 2; dx++) {
            for (double x : new double[] {on.getCenterX() - dx, on.getCenterX() + dx}) {
                if (others.stream().noneMatch(o -> o.contains(x, y))) {
                    return chart.localToScreen(x, y);
                }
            }
        }
        throw new AssertionError("the tick " + tick + " is covered by other markers: " + chart.getMarkers());
    }

    /** Waits for the flame graph to answer the selection (a loaded machine may take seconds) with Work.spike at half or more. */
    private static void awaitSpike(FlameGraph flame, java.util.function.Supplier<String> clicked) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> share(flame.getCallTree(), SPIKE)) >= 50);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Work.spike is " + onFx(() -> share(flame.getCallTree(), SPIKE)) + " % of "
                    + onFx(() -> flame.getCallTree().total(0)) + " samples after a click on " + clicked.get());
        }
    }
}
