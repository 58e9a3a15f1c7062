package dev.vitals.views.chart;

import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.chart.internal.ChartPanel;
import dev.vitals.views.internal.NestedListener;
import dev.vitals.views.internal.TimeGestures;
import javafx.beans.InvalidationListener;
import javafx.scene.control.SkinBase;

/**
 * The chart's look: one {@link ChartPanel}. The axis moving repaints the data; a selection change
 * repaints only the overlay. Input is the shared {@link TimeGestures}.
 */
public class MetricChartSkin extends SkinBase<MetricChart> {
    private final ChartPanel panel;
    private final TimeGestures gestures;
    private final InvalidationListener axisMoved;
    private final InvalidationListener selectionChanged;
    private final NestedListener<TimeAxis> axisFollower;
    private final NestedListener<SelectionModel> selectionFollower;

    public MetricChartSkin(MetricChart control) {
        super(control);
        panel = new ChartPanel(control);
        getChildren().add(panel);
        axisMoved = o -> {
            panel.invalidateData();
            panel.invalidateOverlay();
        };
        selectionChanged = o -> panel.invalidateOverlay();
        axisFollower = new NestedListener<>(control.timeAxisProperty(), TimeAxis::visibleProperty, axisMoved,
                () -> axisMoved.invalidated(null));
        selectionFollower = new NestedListener<>(control.selectionModelProperty(), SelectionModel::selectionProperty,
                selectionChanged, () -> panel.invalidateOverlay());
        registerChangeListener(control.snapshotProperty(), o -> panel.invalidateData());
        registerChangeListener(control.metricProperty(), o -> panel.invalidateData());
        registerChangeListener(control.markersProperty(), o -> panel.setMarkers(control.getMarkers()));
        panel.setMarkers(control.getMarkers());
        gestures = new TimeGestures(control, panel, control::getTimeAxis, control::getSelectionModel, null,
                (selection, from, to, y0, y1) -> selection.withTimeRange(from, to));
    }

    /** The canvas panel. */
    ChartPanel panel() {
        return panel;
    }

    @Override
    public void dispose() {
        MetricChart control = getSkinnable();
        if (control == null) {
            return;
        }
        axisFollower.dispose();
        selectionFollower.dispose();
        gestures.dispose();
        super.dispose();
    }
}
