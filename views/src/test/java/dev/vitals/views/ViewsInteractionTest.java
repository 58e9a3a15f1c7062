package dev.vitals.views;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.Heatmap;
import dev.vitals.model.query.JvmThreads;
import dev.vitals.model.query.Selection;
import dev.vitals.views.chart.Metric;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.events.EventTable;
import dev.vitals.views.heatmap.LatencyHeatmap;
import dev.vitals.views.timeline.LaneSort;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.vitals.views.Demo.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** The timeline, a chart, the latency heatmap and the event table driven with mouse and keys. */
@ExtendWith(ApplicationExtension.class)
class ViewsInteractionTest {
    private final ProfileSnapshot snapshot = Demo.snapshot();
    private SelectionModel selection;
    private TimeAxis axis;
    private ThreadTimeline timeline;
    private MetricChart chart;
    private LatencyHeatmap latency;
    private EventTable events;

    @Start
    void start(Stage stage) {
        selection = new SelectionModel(Selection.cpu());
        axis = new TimeAxis(Demo.recording());
        timeline = new ThreadTimeline(snapshot, selection, axis);
        chart = new MetricChart(Metric.CPU, snapshot, selection, axis);
        latency = new LatencyHeatmap(Demo.REQUEST, snapshot, selection, axis);
        events = new EventTable(snapshot, selection, Demo.REQUEST);
        timeline.setPrefHeight(330);
        chart.setPrefHeight(140);
        latency.setPrefHeight(260);
        events.setPrefHeight(200);
        stage.setScene(new Scene(new VBox(timeline, chart, latency, events), 1200, 930));
        stage.show();
    }

    private Point2D inScreen(Node node, double x, double y) throws Exception {
        return onFx(() -> node.localToScreen(x, y));
    }

    @Test
    void theTimelineListsTheApplicationsThreadsFirstAndScrollsToAThreadSelectedElsewhere(FxRobot robot) throws Exception {
        List<String> rows = onFx(timeline::rowNames);
        List<Boolean> internal = rows.stream().map(r -> JvmThreads.isInternal(r.endsWith("/") ? r.substring(0, r.length() - 1) : r))
                .toList();
        assertThat(internal).as(rows.toString()).contains(true, false);
        assertThat(internal.subList(internal.indexOf(true), internal.size())).as("after the first JVM thread, only JVM threads: " + rows)
                .doesNotContain(false);
        assertThat(rows.indexOf("requests")).as("the demo's requests thread near the top: " + rows).isBetween(0, 8);

        String last = rows.getLast();
        robot.interact(() -> timeline.setPrefHeight(160));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds before = onFx(() -> timeline.laneBounds(last));
        assertThat(before.getMinY()).as("the last lane starts below the fold").isGreaterThan(onFx(timeline::getHeight));
        int thread = java.util.stream.IntStream.range(0, snapshot.threads().length())
                .filter(i -> snapshot.threads().name(i).equals(last)).findFirst().orElseThrow();
        robot.interact(() -> selection.select(selection.getSelection().withThreads(Set.of(thread))));
        Bounds after = onFx(() -> timeline.laneBounds(last));
        assertThat(after.getMaxY()).as("scrolled into view").isLessThanOrEqualTo(onFx(timeline::getHeight));
        assertThat(after.getMinY()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void timelineZoomsPansCollapsesSortsAndFilters(FxRobot robot) throws Exception {
        TimeRange full = axis.getVisible();
        Bounds worker = onFx(() -> timeline.laneBounds("worker-1"));
        ctrlWheelUp(".timeline-panel", inScreen(timeline, worker.getMinX() + 160 + (worker.getWidth() - 160) / 2,
                worker.getCenterY()), 3);
        TimeRange zoomed = onFx(axis::getVisible);
        assertThat(zoomed.length()).isLessThan(full.length());
        assertThat(zoomed.fromNanos()).isGreaterThan(full.fromNanos());

        robot.type(KeyCode.HOME);
        assertThat(onFx(axis::getVisible)).isEqualTo(full);

        assertThat(onFx(timeline::rowNames)).contains("worker/", "worker-1", "worker-2");
        Bounds header = onFx(() -> timeline.laneBounds("worker-1"));
        robot.clickOn(inScreen(timeline, 20, header.getMinY() - 9));
        assertThat(onFx(timeline::rowNames)).contains("worker/").doesNotContain("worker-1");
        assertThat(onFx(() -> timeline.laneBounds("worker-1"))).as("the collapsed group's row").isNotNull();

        robot.interact(() -> timeline.setLaneSort(LaneSort.CPU));
        assertThat(onFx(timeline::rowNames).getFirst()).isEqualTo("worker/");
        robot.clickOn(".text-field").write("contender");
        assertThat(onFx(timeline::rowNames)).containsExactly("contender/", "contender-1", "contender-2");
        robot.type(KeyCode.LEFT);
        assertThat(onFx(axis::getVisible)).as("arrows in the filter box move its caret, not the axis").isEqualTo(full);
        assertThat(onFx(() -> ((TextField) robot.lookup(".text-field").query()).getCaretPosition())).isEqualTo(8);
        String tip = onFx(() -> {
            Bounds lane = timeline.laneBounds("contender-1");
            return timeline.tooltipAt(lane.getMinX() + 160 + (lane.getWidth() - 160) * 0.5, lane.getCenterY());
        });
        assertThat(tip).startsWith("contender-1\n").containsAnyOf("blocked", "sleeping");
    }

    @Test
    void draggingOnAChartSelectsItsRangeAndEscClearsIt(FxRobot robot) throws Exception {
        double w = onFx(chart::getWidth);
        double h = onFx(chart::getHeight);
        robot.drag(inScreen(chart, 64 + (w - 64) * 0.5, h * 0.7), MouseButton.PRIMARY)
                .moveTo(inScreen(chart, 64 + (w - 64) * 0.75, h * 0.7)).release(MouseButton.PRIMARY);
        Selection s = onFx(selection::getSelection);
        long length = Demo.recording().length();
        assertThat((double) (s.fromNanos() - Demo.recording().fromNanos()) / length).isBetween(0.48, 0.52);
        assertThat((double) (s.toNanos() - Demo.recording().fromNanos()) / length).isBetween(0.73, 0.77);
        assertThat(s.threads()).isEmpty();
        robot.type(KeyCode.ESCAPE);
        assertThat(onFx(selection::getSelection).fromNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void clickingASpikeCellOfTheLatencyHeatmapSelectsExactlyThatCellAndListsItsEvents(FxRobot robot) throws Exception {
        EventList.Row spike = EventList.of(snapshot, Selection.of(new dev.vitals.model.query.EventSelector.OfType(
                Demo.REQUEST)), 10_000).rows().stream().filter(r -> Boolean.TRUE.equals(r.fields().get("spike")))
                .findFirst().orElseThrow();
        double w = onFx(latency::getWidth);
        Bounds cell = onFx(() -> latency.cellBounds(spike.startNanos(), spike.durationNanos()));
        // A lone 300 ms request among thousands of fast ones is in the top decile: dark, not pale.
        javafx.scene.paint.Color fill = onFx(() -> latency.snapshot(null, null).getPixelReader()
                .getColor((int) cell.getCenterX(), (int) cell.getCenterY()));
        assertThat(fill.getBrightness()).as("the spike's cell, " + fill)
                .isLessThanOrEqualTo(dev.vitals.views.internal.Palettes.scale(
                        dev.vitals.views.heatmap.internal.Cells.STRONG, false).getBrightness() + 0.05);
        robot.clickOn(inScreen(latency, cell.getCenterX(), cell.getCenterY()));

        // The cell, computed here: columns of 6 px over the whole recording, six log rows a decade
        // over the decades of the request durations present.
        long start = Demo.recording().fromNanos();
        int columns = (int) ((Math.floor(w) - 64) / 6);
        long columnNanos = (Demo.recording().length() + columns - 1) / columns;
        long cellFrom = start + (spike.startNanos() - start) / columnNanos * columnNanos;
        Heatmap fitted = Heatmap.latencyFitted(snapshot, Selection.of(new dev.vitals.model.query.EventSelector.OfType(
                Demo.REQUEST)).withRange(start, start + Demo.recording().length()), columns, LatencyHeatmap.ROWS_PER_DECADE);
        int row = 0;
        while (fitted.rowBounds()[row + 1] <= spike.durationNanos()) {
            row++;
        }
        long shortest = fitted.rowBounds()[row];
        long longest = fitted.rowBounds()[row + 1];
        Selection s = onFx(selection::getSelection);
        assertThat(s.fromNanos()).isEqualTo(cellFrom);
        assertThat(s.toNanos()).isEqualTo(cellFrom + columnNanos);
        assertThat(s.minDurationNanos()).isEqualTo(shortest).isLessThanOrEqualTo(spike.durationNanos());
        assertThat(s.maxDurationNanos()).isEqualTo(longest).isGreaterThan(spike.durationNanos());

        Set<Object> expected = new TreeSet<>();
        IntervalTable intervals = snapshot.intervals();
        int type = intervals.typeIndexOf(Demo.REQUEST);
        for (int i = 0; i < intervals.length(); i++) {
            if (intervals.typeIndex(i) == type && intervals.start(i) >= cellFrom
                    && intervals.start(i) < cellFrom + columnNanos && intervals.duration(i) >= shortest
                    && intervals.duration(i) < longest) {
                expected.add(intervals.field(i, "requestId"));
            }
        }
        assertThat(expected).contains(spike.fields().get("requestId"));
        List<Object> listed = onFx(() -> events.getRows().stream().map(r -> r.fields().get("requestId")).toList());
        assertThat(listed).hasSize(expected.size());
        assertThat(new TreeSet<>(listed)).isEqualTo(expected);

        // The lone outlier is selected at once, its stack beside the table.
        assertThat(onFx(events::getSelectedEvent)).isEqualTo(spike);
        @SuppressWarnings("unchecked")
        ListView<String> outlierStack = (ListView<String>) robot.lookup(".list-view").query();
        assertThat(onFx(() -> List.copyOf(outlierStack.getItems())))
                .isEqualTo(EventList.frames(snapshot, spike.stackIndex(), 128))
                .contains("dev.vitals.demo.DemoWorkload.requestLoop");

        // The flame graph's samples: those of the spike's thread while the spike ran.
        assertThat(s.duringType()).isEqualTo(Demo.REQUEST);
        long during = 0;
        for (SampleTable samples : snapshot.samples(SampleKind.CPU)) {
            for (int i = 0; i < samples.length(); i++) {
                if (samples.thread(i) == spike.threadIndex() && samples.time(i) >= spike.startNanos()
                        && samples.time(i) < spike.startNanos() + spike.durationNanos()) {
                    during += samples.weight(i);
                }
            }
        }
        assertThat(expected).as("the spike is alone in its cell").hasSize(1);
        assertThat(CallTrees.topDown(snapshot, s.withEvents(Selection.cpu().events())).total(0)).isEqualTo(during)
                .isPositive();

        @SuppressWarnings("unchecked")
        TableView<EventList.Row> table = (TableView<EventList.Row>) robot.lookup(".table-view").query();
        Object spikeId = spike.fields().get("requestId");
        robot.interact(() -> table.getSelectionModel().select(events.getRows().stream()
                .filter(r -> r.fields().get("requestId").equals(spikeId)).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        ListView<String> stack = (ListView<String>) robot.lookup(".list-view").query();
        assertThat(onFx(() -> List.copyOf(stack.getItems()))).isNotEmpty();
        assertThat(onFx(events::getSelectedEvent).startNanos()).isEqualTo(spike.startNanos());
        robot.clickOn(table).type(KeyCode.ENTER);
        Selection ofEvent = onFx(selection::getSelection);
        assertThat(ofEvent.fromNanos()).isEqualTo(spike.startNanos());
        assertThat(ofEvent.toNanos()).isEqualTo(spike.startNanos() + spike.durationNanos());
        assertThat(ofEvent.threads()).containsExactly(spike.threadIndex());
    }

    /**
     * JavaFX 26's headless robot sends wheel events without modifiers, so Ctrl + wheel is fired as
     * the scroll event the platform would deliver (as in the flame graph's tests).
     */
    private void ctrlWheelUp(String panelStyle, Point2D screenPoint, int notches) throws Exception {
        onFx(() -> {
            Node panel = timeline.getScene().lookup(panelStyle);
            Point2D local = panel.screenToLocal(screenPoint);
            Point2D scene = panel.localToScene(local);
            for (int i = 0; i < notches; i++) {
                Event.fireEvent(panel, new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(),
                        screenPoint.getX(), screenPoint.getY(), false, true, false, false, false, false,
                        0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            }
            return null;
        });
    }

    @Test
    void zoomingOneViewMovesEveryViewOnTheSharedAxisAndADragOnTheTimeAxisPans(FxRobot robot) throws Exception {
        double w = onFx(chart::getWidth);
        ctrlWheelUp(".chart-panel", inScreen(chart, 64 + (w - 64) * 0.25, 80), 4);
        TimeRange zoomed = onFx(axis::getVisible);
        assertThat(zoomed.length()).isLessThan(Demo.recording().length() * 6 / 10);
        assertThat(onFx(() -> timeline.getTimeAxis().getVisible())).isEqualTo(zoomed);
        Bounds axisRow = onFx(() -> timeline.lookup(".timeline-panel").localToScreen(new BoundingBox(0, 0, 1, 22)));
        Point2D from = new Point2D(axisRow.getMinX() + 160 + 300, axisRow.getCenterY());
        robot.drag(from, MouseButton.PRIMARY).moveTo(from.add(200, 0)).release(MouseButton.PRIMARY);
        TimeRange panned = onFx(axis::getVisible);
        assertThat(panned.length()).isEqualTo(zoomed.length());
        assertThat(panned.fromNanos()).as("dragged right shows earlier times").isLessThan(zoomed.fromNanos());
        assertThat(onFx(selection::getSelection).fromNanos()).as("a drag on the axis selects nothing")
                .isEqualTo(Long.MIN_VALUE);
    }
}
