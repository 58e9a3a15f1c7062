package dev.vitals.views.chart;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.ReducedSeries;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeControl;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.internal.MarkerLayer;
import javafx.geometry.Bounds;
import dev.vitals.views.chart.internal.ChartPanel;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Skin;

/**
 * A line chart of one {@link Metric} on the shared {@link TimeAxis}: each series reduced to the
 * plot's pixel width (min/max per pixel and the line through the last values), GC pauses shaded on
 * the heap chart, the selected range shaded. A drag selects a time range; Ctrl+wheel zooms and
 * Shift+drag pans the shared axis.
 */
public class MetricChart extends TimeControl {
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric", Metric.CPU);

    public MetricChart() {
        getStyleClass().add("metric-chart");
        setFocusTraversable(true);
    }

    public MetricChart(Metric metric, ProfileSnapshot snapshot, SelectionModel selectionModel, TimeAxis timeAxis) {
        this();
        setMetric(metric);
        setSnapshot(snapshot);
        setSelectionModel(selectionModel);
        setTimeAxis(timeAxis);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new MetricChartSkin(this);
    }

    /** The tab of a marker in this control's coordinates, or {@code null} if it is not shown. */
    public Bounds markerBounds(TimeMarker marker) {
        if (!(getSkin() instanceof MetricChartSkin s)) {
            return null;
        }
        Bounds tab = MarkerLayer.tab(marker, s.panel().markerPlot());
        return tab == null ? null : sceneToLocal(s.panel().localToScene(tab));
    }

    /** What is plotted. */
    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public Metric getMetric() {
        return metric.get();
    }

    public void setMetric(Metric value) {
        metric.set(value);
    }

    /**
     * The least height at which the chart is readable: its title and legend, its time ticks and its
     * three y labels (zero, half, the top) a line apart. A layout gives each chart at least this.
     */
    public static double readableHeight() {
        return ChartPanel.readableHeight();
    }

    /** The y labels drawn, in this control's coordinates, top first (none before the first answer). */
    public List<Bounds> valueLabelBounds() {
        ChartPanel panel = panel();
        return panel == null ? List.of()
                : panel.valueLabelBounds().stream().map(b -> sceneToLocal(panel.localToScene(b))).toList();
    }

    private ChartPanel panel() {
        return getSkin() instanceof MetricChartSkin s ? s.panel() : null;
    }

    /**
     * The series drawn, reduced to the plot's pixels, in the metric's order ({@code null} for a
     * series the recording lacks); empty before the first answer. For tests and the app.
     */
    public List<ReducedSeries> lines() {
        ChartPanel panel = panel();
        return panel == null ? List.of() : panel.lines();
    }

    /** The GC pauses shaded (heap chart only), as last answered. */
    public List<EventList.Row> gcPauses() {
        ChartPanel panel = panel();
        return panel == null ? List.of() : panel.pauses();
    }
}
