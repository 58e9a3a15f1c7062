package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.awaitNode;
import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.ReducedSeries;
import dev.vitals.model.query.Selection;
import dev.vitals.views.ProfileControl;
import dev.vitals.views.TimeRange;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.events.EventTable;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.heatmap.LatencyHeatmap;
import dev.vitals.views.timeline.ThreadTimeline;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * The live window on the demo as a user drives it: Pause holds every view while the recording goes
 * on and Resume follows again; a range dragged while data keeps arriving holds the views on the
 * snapshot it was made on, and every view answers from that one snapshot; End follows again.
 */
@ExtendWith(ApplicationExtension.class)
class LiveWindowTest {
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
    void pauseHoldsTheViewsResumeFollowsAndASelectionIsAnsweredFromTheSnapshotItWasMadeOn(FxRobot robot) throws Exception {
        SessionTabsTest.startDemoAndAttach(robot, window);
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(5));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0));
        LiveWindow live = onFx(() -> ((LiveTab) find(robot, "#sessions", TabPane.class).getTabs().stream()
                .filter(tab -> tab instanceof LiveTab).findFirst().orElseThrow()).view().liveWindow());
        Button pause = find(robot, "#pause", Button.class);
        Label mode = find(robot, "#live-mode", Label.class);
        assertThat(onFx(live::mode)).isEqualTo(LiveWindow.Mode.FOLLOWING);
        assertThat(onFx(pause::getText)).isEqualTo("Pause views");
        ProfileSnapshot first = onFx(live::shown);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(live::shown) != first);

        // Pause: the views stay on one snapshot while the recording goes on.
        robot.clickOn("#pause");
        assertThat(onFx(pause::getText)).isEqualTo("Resume");
        assertThat(onFx(mode::getText)).isEqualTo("Views paused; recording goes on");
        ProfileSnapshot paused = onFx(live::shown);
        TimeRange axis = onFx(() -> find(robot, "#timeline", ThreadTimeline.class).getTimeAxis().getVisible());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(live::behind));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertThat(onFx(live::shown)).isSameAs(paused);
        assertThat(onFx(() -> find(robot, "#timeline", ThreadTimeline.class).getTimeAxis().getVisible())).isEqualTo(axis);
        assertThat(views(robot)).allSatisfy(view -> assertThat(view.getSnapshot()).as(view.getId()).isSameAs(paused));

        // Resume follows the newest data again.
        robot.clickOn("#pause");
        assertThat(onFx(pause::getText)).isEqualTo("Pause views");
        assertThat(onFx(live::mode)).isEqualTo(LiveWindow.Mode.FOLLOWING);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(live::shown) != paused);

        // A range dragged on the CPU chart while data keeps arriving holds the views on its snapshot.
        MetricChart cpu = find(robot, "#timeline-cpu-chart", MetricChart.class);
        Bounds chart = onFx(() -> cpu.localToScreen(cpu.getLayoutBounds()));
        double y = chart.getMinY() + chart.getHeight() / 2;
        robot.drag(new Point2D(chart.getMinX() + chart.getWidth() * 0.3, y), MouseButton.PRIMARY)
                .moveTo(new Point2D(chart.getMinX() + chart.getWidth() * 0.6, y)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(live::mode)).isEqualTo(LiveWindow.Mode.HELD);
        assertThat(onFx(mode::getText)).isEqualTo("Views held on your selection; recording goes on");
        Selection selection = onFx(() -> cpu.getSelectionModel().getSelection());
        assertThat(selection.fromNanos()).isNotEqualTo(Long.MIN_VALUE);
        ProfileSnapshot held = onFx(live::shown);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(live::behind));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> views(robot).stream().noneMatch(ProfileControl::isComputing)));
        assertThat(onFx(live::shown)).isSameAs(held);
        assertThat(views(robot)).allSatisfy(view -> assertThat(view.getSnapshot()).as(view.getId()).isSameAs(held));
        long expected = CallTrees.topDown(held, selection.withFrameFilter(null)).total(0);
        assertThat(expected).as("CPU samples in the dragged range").isPositive();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> flame.getCallTree().total(0)) == expected);
        CallTree answered = onFx(flame::getCallTree);
        assertThat(answered.total(0)).isEqualTo(expected);
        assertThat(find(robot, "#events", EventTable.class).getEvents()).isNotNull();

        // End follows again, extending the selection to the newest data.
        robot.press(KeyCode.END).release(KeyCode.END);
        assertThat(onFx(live::mode)).isEqualTo(LiveWindow.Mode.FOLLOWING);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(live::shown) != held);
        assertThat(onFx(() -> cpu.getSelectionModel().getSelection())).isEqualTo(selection);

        // Vitals' default settings take allocation samples (20 a second; their weights are the bytes): the
        // live allocation chart draws the rate. The demo's worker allocates a few hundred MB a second in
        // Work.allocate (a recording of it: 41 GiB in 60 s with two workers).
        robot.clickOn("#charts-tab");
        MetricChart allocation = find(robot, "#allocation-chart", MetricChart.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !allocation.lines().isEmpty()));
        ReducedSeries rate = onFx(() -> allocation.lines().getFirst());
        assertThat(rate).as("the allocation rate, recorded").isNotNull();
        assertThat(Arrays.stream(rate.max()).max().orElse(0)).as("peak bytes per second").isGreaterThan(50e6);
    }

    /** The session's time views: every chart, the timeline, both heatmaps and the event table. */
    private static List<ProfileControl> views(FxRobot robot) throws Exception {
        return onFx(() -> {
            List<ProfileControl> all = new java.util.ArrayList<>(robot.lookup(".metric-chart").queryAllAs(MetricChart.class));
            all.add(robot.lookup("#timeline").queryAs(ThreadTimeline.class));
            all.add(robot.lookup("#flamescope").queryAs(FlameScopeHeatmap.class));
            all.add(robot.lookup("#latency").queryAs(LatencyHeatmap.class));
            all.add(robot.lookup("#events").queryAs(EventTable.class));
            return all;
        });
    }
}
