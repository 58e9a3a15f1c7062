package dev.vitals.app.ui;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeControl;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.TimeRange;
import dev.vitals.views.chart.Metric;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.events.EventTable;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.heatmap.LatencyHeatmap;
import dev.vitals.views.timeline.ThreadTimeline;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The session's views over time, all on one {@link TimeAxis} and one {@link SelectionModel}: CPU
 * and heap charts above the thread-state timeline, the FlameScope heatmap, the latency heatmap of a
 * chosen interval event type, and the event table of that type. {@link #show} hands every view the
 * newest snapshot.
 */
final class TimeViews {
    /** Interval types worth a latency heatmap, in order of preference for the first choice. */
    private static final List<String> PREFERRED_LATENCY = List.of("dev.vitals.demo.Request", "jdk.MethodTrace",
            "jdk.JavaMonitorEnter", "jdk.ThreadPark", "jdk.SocketRead", "jdk.GarbageCollection");

    private final TimeAxis axis = new TimeAxis(new TimeRange(0, 1));
    private final MetricChart cpu = new MetricChart();
    private final MetricChart heap = new MetricChart();
    private final ThreadTimeline timeline = new ThreadTimeline();
    private final FlameScopeHeatmap flameScope = new FlameScopeHeatmap();
    private final LatencyHeatmap latency = new LatencyHeatmap();
    private final EventTable events = new EventTable();
    private final ComboBox<String> intervalType = new ComboBox<>();
    private final TabPane above = new TabPane();
    /** The event table's tab, for the lower half (in no TabPane of its own: a second one would keep it selected). */
    private final Tab eventsTab;

    TimeViews(SelectionModel selection) {
        cpu.setId("cpu-chart");
        heap.setId("heap-chart");
        timeline.setId("timeline");
        flameScope.setId("flamescope");
        latency.setId("latency");
        events.setId("events");
        intervalType.setId("interval-type");
        cpu.setMetric(Metric.CPU);
        heap.setMetric(Metric.HEAP);
        for (var chart : List.of(cpu, heap)) {
            chart.setSelectionModel(selection);
            chart.setTimeAxis(axis);
            chart.setPrefHeight(64);
            chart.setMinHeight(56);
        }
        timeline.setSelectionModel(selection);
        timeline.setTimeAxis(axis);
        flameScope.setSelectionModel(selection);
        latency.setSelectionModel(selection);
        latency.setTimeAxis(axis);
        events.setSelectionModel(selection);
        intervalType.setOnAction(e -> {
            latency.setEventType(intervalType.getValue());
            events.setEventType(intervalType.getValue());
        });
        VBox.setVgrow(timeline, Priority.ALWAYS);
        VBox overTime = new VBox(cpu, heap, timeline);
        BorderPane latencyPane = new BorderPane(latency);
        latencyPane.setTop(new ToolBar(new Label("Event type"), intervalType));
        above.getTabs().addAll(tab("Threads", overTime), tab("FlameScope", flameScope), tab("Latency", latencyPane));
        eventsTab = tab("Events", events);
    }

    /** Draws {@code markers} over the charts, the timeline and the latency heatmap. */
    void setMarkers(List<TimeMarker> markers) {
        for (TimeControl view : List.of(cpu, heap, timeline, latency)) {
            view.setMarkers(markers);
        }
    }

    /** The span the time views show. */
    TimeRange visibleRange() {
        return axis.getVisible();
    }

    /** The tabs for the upper half of the session: threads and charts, FlameScope, latency. */
    TabPane above() {
        return above;
    }

    /** The event table, as a tab for the lower half. */
    Tab eventsTab() {
        return eventsTab;
    }

    /** Shows {@code snapshot} in every view; the time axis grows with a live recording. */
    void show(ProfileSnapshot snapshot) {
        long from = snapshot.info().startNanos();
        long to = snapshot.info().endNanos();
        if (to > from) {
            boolean following = axis.getVisible().equals(axis.getLimits());
            axis.setLimits(new TimeRange(from, to));
            if (following) {
                axis.reset();
            }
        }
        updateIntervalTypes(snapshot.intervals());
        cpu.setSnapshot(snapshot);
        heap.setSnapshot(snapshot);
        timeline.setSnapshot(snapshot);
        flameScope.setSnapshot(snapshot);
        latency.setSnapshot(snapshot);
        events.setSnapshot(snapshot);
    }

    private void updateIntervalTypes(IntervalTable intervals) {
        List<String> types = new ArrayList<>();
        for (int t = 0; t < intervals.typeCount(); t++) {
            types.add(intervals.type(t).name());
        }
        types.sort(null);
        if (types.equals(intervalType.getItems())) {
            return;
        }
        String current = intervalType.getValue();
        intervalType.getItems().setAll(types);
        String choice = current != null && types.contains(current) ? current
                : PREFERRED_LATENCY.stream().filter(types::contains).findFirst().orElse(types.isEmpty() ? null : types.getFirst());
        intervalType.setValue(choice);
        latency.setEventType(choice);
        events.setEventType(choice);
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }
}
