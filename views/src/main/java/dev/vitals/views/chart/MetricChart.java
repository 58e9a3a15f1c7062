package dev.vitals.views.chart;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A line chart of one {@link Metric} on the shared {@link TimeAxis}: each series reduced to the
 * plot's pixel width (min/max per pixel and the line through the last values), GC pauses shaded on
 * the heap chart, the selected range shaded. A drag selects a time range; Ctrl+wheel zooms and
 * Shift+drag pans the shared axis.
 */
public class MetricChart extends Control {
    private final ObjectProperty<ProfileSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObjectProperty<SelectionModel> selectionModel = new SimpleObjectProperty<>(this, "selectionModel");
    private final ObjectProperty<TimeAxis> timeAxis = new SimpleObjectProperty<>(this, "timeAxis");
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

    /** The profile shown; replace it each live tick. */
    public ObjectProperty<ProfileSnapshot> snapshotProperty() {
        return snapshot;
    }

    public ProfileSnapshot getSnapshot() {
        return snapshot.get();
    }

    public void setSnapshot(ProfileSnapshot value) {
        snapshot.set(value);
    }

    /** The shared selection. */
    public ObjectProperty<SelectionModel> selectionModelProperty() {
        return selectionModel;
    }

    public SelectionModel getSelectionModel() {
        return selectionModel.get();
    }

    public void setSelectionModel(SelectionModel value) {
        selectionModel.set(value);
    }

    /** The shared time axis. */
    public ObjectProperty<TimeAxis> timeAxisProperty() {
        return timeAxis;
    }

    public TimeAxis getTimeAxis() {
        return timeAxis.get();
    }

    public void setTimeAxis(TimeAxis value) {
        timeAxis.set(value);
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
}
