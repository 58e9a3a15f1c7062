package dev.vitals.app.ui;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.LatencyTypes;
import dev.vitals.views.ProfileControl;
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
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The session's views over time, all on one {@link TimeAxis} and one {@link SelectionModel}: CPU
 * and heap charts above the thread-state timeline; the CPU, heap (with GC pauses), thread count and
 * allocation rate charts stacked in a tab of their own; the FlameScope heatmap; the latency heatmap
 * of a chosen interval event type; and the event table of that type. {@link #show} hands every view the newest snapshot; each view queries
 * it on {@link Background#VIEW_QUERIES} and keeps its picture until the answer arrives.
 */
final class TimeViews {
    /**
     * The timeline's least height: its filter bar, its time axis and three lanes (with the CPU chart
     * above it, this fits the live tab at 1280×800).
     */
    private static final double TIMELINE_MIN_HEIGHT = 120;
    /** Pulses {@link #whenAnswered} waits for the shown tabs to place their views before it takes none as shown. */
    private static final int MAX_UNPLACED_PULSES = 120;

    private final TimeAxis axis = new TimeAxis(new TimeRange(0, 1));

    /** The CPU and heap charts above the timeline, to find a spike's time before picking its threads. */
    private final List<MetricChart> overTimeline = new ArrayList<>();
    private final List<MetricChart> charts = new ArrayList<>();
    private final ThreadTimeline timeline = new ThreadTimeline();
    private final FlameScopeHeatmap flameScope = new FlameScopeHeatmap();
    private final LatencyHeatmap latency = new LatencyHeatmap();
    private final EventTable events = new EventTable();
    private final ComboBox<String> intervalType = new ComboBox<>();
    private final TabPane above = new TabPane();
    /** The event table's tab, for the lower half (in no TabPane of its own: a second one would keep it selected). */
    private final Tab eventsTab;

    /** True once the user chose the interval type; until then the views follow the preferred one. */
    private boolean typeChosen;
    /** True while the interval type is set here, not by the user. */
    private boolean choosingType;

    /** True while {@link #show} moves the axis (a live recording grew), false while the user does. */
    private boolean growing;

    /**
     * @param window what the views show; a press, a drag or a zoom on any of them holds it, and the
     *               pointer aiming at them defers it (so a click lands on what was under the pointer)
     * @param live   whether the session is live (a finished recording has nothing to hold)
     */
    TimeViews(SelectionModel selection, LiveWindow window, boolean live) {
        timeline.setId("timeline");
        flameScope.setId("flamescope");
        latency.setId("latency");
        events.setId("events");
        intervalType.setId("interval-type");
        for (Metric metric : Metric.values()) {
            MetricChart chart = new MetricChart();
            chart.setId(metric.name().toLowerCase(Locale.ROOT) + "-chart");
            chart.setMetric(metric);
            chart.setMinHeight(MetricChart.readableHeight());
            VBox.setVgrow(chart, Priority.ALWAYS);
            charts.add(chart);
        }
        for (Metric metric : List.of(Metric.CPU, Metric.HEAP)) {
            MetricChart chart = new MetricChart();
            chart.setId("timeline-" + metric.name().toLowerCase(Locale.ROOT) + "-chart");
            chart.setMetric(metric);
            chart.setMinHeight(MetricChart.readableHeight());
            chart.setPrefHeight(MetricChart.readableHeight());
            overTimeline.add(chart);
        }
        for (MetricChart chart : charts()) {
            chart.setSelectionModel(selection);
            chart.setTimeAxis(axis);
        }
        for (ProfileControl view : views()) {
            view.setQueryExecutor(Background.VIEW_QUERIES);
        }
        timeline.setSelectionModel(selection);
        timeline.setTimeAxis(axis);
        flameScope.setSelectionModel(selection);
        latency.setSelectionModel(selection);
        latency.setTimeAxis(axis);
        events.setSelectionModel(selection);
        intervalType.setOnAction(e -> {
            typeChosen |= !choosingType;
            latency.setEventType(intervalType.getValue());
            events.setEventType(intervalType.getValue());
        });
        VBox.setVgrow(timeline, Priority.ALWAYS);
        // As tall as its least height unless there is room: the charts keep their readable height.
        timeline.setMinHeight(TIMELINE_MIN_HEIGHT);
        timeline.setPrefHeight(TIMELINE_MIN_HEIGHT);
        VBox overTime = new VBox();
        overTime.getChildren().addAll(overTimeline);
        overTime.getChildren().add(timeline);
        VBox metrics = new VBox();
        metrics.getChildren().addAll(charts);
        BorderPane latencyPane = new BorderPane(latency);
        latencyPane.setTop(new ToolBar(new Label("Event type"), intervalType));
        ScrollPane threads = column(overTime);
        threads.viewportBoundsProperty().addListener((obs, old, now) -> fitOverTimeline(now.getHeight()));
        above.getTabs().addAll(tab("Threads", threads), tab("Charts", column(metrics)),
                tab("FlameScope", flameScope), tab("Latency", latencyPane));
        eventsTab = tab("Events", events);
        if (live) {
            above.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> window.hold());
            axis.visibleProperty().addListener((obs, old, now) -> {
                if (!growing) {
                    window.hold();
                }
            });
            window.modeProperty().addListener((obs, old, mode) -> {
                if (mode == LiveWindow.Mode.FOLLOWING) {
                    growing = true;
                    axis.reset();
                    growing = false;
                }
            });
            window.holdWhileAiming(above);
        }
    }

    /** Draws {@code markers} over the charts, the timeline and the latency heatmap. */
    void setMarkers(List<TimeMarker> markers) {
        List<TimeControl> marked = new ArrayList<>(charts());
        marked.addAll(List.of(timeline, latency));
        for (TimeControl view : marked) {
            view.setMarkers(markers);
        }
    }

    /** The span the time views show. */
    TimeRange visibleRange() {
        return axis.getVisible();
    }

    /** The tabs for the upper half of the session: threads, charts, FlameScope, latency. */
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
            growing = true;
            boolean following = axis.getVisible().equals(axis.getLimits());
            axis.setLimits(new TimeRange(from, to));
            if (following) {
                axis.reset();
            }
            growing = false;
        }
        updateIntervalTypes(snapshot.intervals());
        for (ProfileControl view : views()) {
            view.setSnapshot(snapshot);
        }
    }

    /**
     * Runs {@code action} once every time view shown has answered the snapshot it shows
     * ({@link ProfileControl#hasAnswered()}: its newest answer is of that snapshot and none is in
     * flight), checked after each layout pulse from the next one on (a view asks when it is laid
     * out, and each answer or query state it shows is laid out) and when a view's query state
     * changes. A view is shown when it is in the scene and it and its parents are visible (the views
     * of a tab not selected ask nothing and are not waited for); with none shown once the tabs holding
     * them are (within {@link #MAX_UNPLACED_PULSES}), the action runs at once. Views in no scene yet
     * (the flame graph's query, run without a window, answered first) are waited for until they are
     * in one. So the views a user looks at answer before work that would compete with their queries
     * for the CPU (the automated analysis).
     */
    void whenAnswered(Runnable action) {
        Scene scene = above.getScene();
        if (scene == null) {
            // the flame graph's query runs without a window, so it can answer before the views are in one
            above.sceneProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Scene> obs, Scene was, Scene is) {
                    if (is != null) {
                        above.sceneProperty().removeListener(this);
                        whenAnswered(action);
                    }
                }
            });
            return;
        }
        List<ProfileControl> views = views();
        Runnable[] check = new Runnable[1];
        ChangeListener<Object> changed = (obs, was, is) -> Platform.requestNextPulse();
        int[] unplaced = {0};
        check[0] = () -> {
            List<ProfileControl> shown = views.stream().filter(TimeViews::isShown).toList();
            // the tabs shown but none of their views yet: the tab pane's skin places its content on a coming pulse
            if (shown.isEmpty() && isShown(above) && unplaced[0]++ < MAX_UNPLACED_PULSES) {
                Platform.requestNextPulse();
                return;
            }
            if (shown.stream().allMatch(ProfileControl::hasAnswered)) {
                scene.removePostLayoutPulseListener(check[0]);
                views.forEach(view -> {
                    view.computingProperty().removeListener(changed);
                    view.answeredProperty().removeListener(changed);
                });
                action.run();
            }
        };
        views.forEach(view -> {
            view.computingProperty().addListener(changed);
            view.answeredProperty().addListener(changed);
        });
        scene.addPostLayoutPulseListener(check[0]);
        Platform.requestNextPulse();
    }

    /** True if {@code view} is in a scene and neither it nor a parent is invisible (a tab not selected). */
    private static boolean isShown(Node view) {
        if (view.getScene() == null) {
            return false;
        }
        for (Node n = view; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The charts: those above the timeline and those of the charts tab. */
    private List<MetricChart> charts() {
        List<MetricChart> all = new ArrayList<>(charts);
        all.addAll(overTimeline);
        return all;
    }

    /** Every view: the charts, the timeline, the heatmaps and the event table. */
    private List<ProfileControl> views() {
        List<ProfileControl> views = new ArrayList<>(charts());
        views.addAll(List.of(timeline, flameScope, latency, events));
        return views;
    }

    /**
     * Lists the interval types. The user's choice stays while the snapshot has it; until the user
     * chooses, the views show the preferred type ({@link LatencyTypes#preferred}: the application's
     * own events first), chosen again while a JDK type is shown and the application's types are
     * listed: live, the application's first events (a slow request ends after its JDK events) may
     * arrive after the views opened on a JDK type.
     */
    private void updateIntervalTypes(IntervalTable intervals) {
        List<String> types = new ArrayList<>();
        for (int t = 0; t < intervals.typeCount(); t++) {
            types.add(intervals.type(t).name());
        }
        types.sort(null);
        String current = intervalType.getValue();
        boolean appTypeLater = !typeChosen && (current == null || current.startsWith("jdk."))
                && types.stream().anyMatch(t -> !t.startsWith("jdk."));
        if (types.equals(intervalType.getItems()) && !appTypeLater) {
            return;
        }
        String preferred = LatencyTypes.preferred(intervals);
        String choice = typeChosen && current != null && types.contains(current) ? current
                : preferred != null ? preferred
                : current != null && types.contains(current) ? current
                : types.isEmpty() ? null : types.getFirst();
        if (types.equals(intervalType.getItems()) && Objects.equals(choice, current)) {
            return;
        }
        choosingType = true;
        intervalType.getItems().setAll(types);
        intervalType.setValue(choice);
        choosingType = false;
        latency.setEventType(choice);
        events.setEventType(choice);
    }

    /**
     * Shows above the timeline the charts that fit at their readable height over the timeline's
     * least height in a tab {@code height} tall, the CPU chart always: on a short window (1280×800)
     * the heap chart gives way (it stays in the Charts tab) so the first thread lanes stay in view.
     */
    private void fitOverTimeline(double height) {
        for (int i = 0; i < overTimeline.size(); i++) {
            boolean fits = i == 0 || height - TIMELINE_MIN_HEIGHT >= (i + 1) * MetricChart.readableHeight();
            overTimeline.get(i).setVisible(fits);
            overTimeline.get(i).setManaged(fits);
        }
    }

    /**
     * A column of views that fills its tab, and scrolls where the tab is shorter than the views'
     * least heights (a chart is never squeezed below its readable height: on a short window the
     * column scrolls instead, as on a 1280×800 screen).
     */
    private static ScrollPane column(VBox views) {
        ScrollPane column = new ScrollPane(views);
        column.setFitToWidth(true);
        column.setFitToHeight(true);
        column.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        column.getStyleClass().add("edge-to-edge");
        return column;
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(title.toLowerCase(Locale.ROOT) + "-tab");
        tab.setClosable(false);
        return tab;
    }
}
