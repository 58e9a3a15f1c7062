package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.ReducedSeries;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.events.EventTable;
import dev.vitals.views.flame.FlameGraph;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The time-based views of a session tab on the demo recording, their queries on the view query
 * thread: the four metric charts show its data, and a double click on a spike request in the event
 * table shows the request's stack and a flame graph of its thread's CPU samples while it ran.
 */
@ExtendWith(ApplicationExtension.class)
class TimeViewsTest {
    private static final String SPIKE = "dev.vitals.demo.Work.spike";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Preferences.userRoot().node("dev/vitals/test"));
        window.show();
        // The size these tests were written for, whatever size another test left in the shared preferences
        // (a window is otherwise fitted into the headless 1000×1000 screen).
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    private static ProfileSnapshot demo() throws Exception {
        return JfrFiles.importFile(SessionTabsTest.RECORDING).snapshot();
    }

    @Test
    void theCpuHeapThreadAndAllocationChartsShowTheDemoRecording(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#cpu-chart").tryQuery().isPresent());
        clickTab(robot, "charts");
        for (String id : List.of("#cpu-chart", "#heap-chart", "#threads-chart", "#allocation-chart")) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
            MetricChart chart = robot.lookup(id).queryAs(MetricChart.class);
            assertThat(chart.getQueryExecutor()).as(id + " queries off the FX thread").isNotNull();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !chart.lines().isEmpty());
            List<ReducedSeries> lines = chart.lines();
            assertThat(lines).as(id).hasSize(Math.max(1, chart.getMetric().series().size()));
            assertThat(lines).as(id + ": every series recorded, with values above zero")
                    .allSatisfy(s -> assertThat(java.util.Arrays.stream(s.max()).max().orElse(0)).isPositive());
        }
        MetricChart heap = robot.lookup("#heap-chart").queryAs(MetricChart.class);
        long pauses = demo().info().eventCounts().get("jdk.GCPhasePause");
        assertThat(pauses).isPositive();
        assertThat(heap.gcPauses()).as("the recording's GC pauses, marked on the heap chart").hasSize((int) pauses);
    }

    @Test
    void doubleClickingASpikeRequestShowsItsStackAndAFlameGraphOfItsThreadWhileItRan(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#events").tryQuery().isPresent());
        EventTable events = robot.lookup("#events").queryAs(EventTable.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> events.getRows().size() > 100);
        clickTab(robot, "events");
        EventList.Row spike = events.getRows().stream().filter(r -> Boolean.TRUE.equals(r.fields().get("spike")))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        TableView<EventList.Row> table = robot.lookup("#events .table-view").queryAs(TableView.class);
        robot.interact(() -> table.scrollTo(spike));
        TableRow<?> row = robot.lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() == spike).queryAs(TableRow.class);

        robot.doubleClickOn(row);
        @SuppressWarnings("unchecked")
        ListView<String> stack = robot.lookup("#events .list-view").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !stack.getItems().isEmpty()));
        assertThat(stack.getItems()).as("the request's stack, leaf first").isNotEmpty()
                .anySatisfy(frame -> assertThat(frame).startsWith("dev.vitals.demo."));

        // The CPU samples of the request's thread while it ran, counted here from the sample tables.
        ProfileSnapshot snapshot = demo();
        long expected = 0;
        for (SampleTable samples : snapshot.samples(SampleKind.CPU)) {
            for (int i = 0; i < samples.length(); i++) {
                long t = samples.time(i);
                if (snapshot.threads().name(samples.thread(i)).equals(spike.thread()) && t >= spike.startNanos()
                        && t < spike.startNanos() + spike.durationNanos()) {
                    expected += samples.weight(i);
                }
            }
        }
        assertThat(expected).isPositive();
        long wanted = expected;
        FlameGraph flame = robot.lookup("#flame-graph").queryAs(FlameGraph.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> flame.getCallTree().total(0) == wanted);
        assertThat(SessionTabsTest.share(flame.getCallTree(), SPIKE)).as("Work.spike in the request's samples").isGreaterThanOrEqualTo(50);
    }

    /** Clicks the header of a tab of the time views ("charts", "events"), found by the tab's id. */
    private static void clickTab(FxRobot robot, String name) throws Exception {
        String id = "#" + name + "-tab";
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        robot.clickOn(id);
    }
}
