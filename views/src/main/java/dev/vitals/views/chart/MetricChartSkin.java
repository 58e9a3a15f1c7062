package dev.vitals.views.chart;

import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.chart.internal.ChartPanel;
import dev.vitals.views.internal.TimeGestures;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
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
    private final ChangeListener<TimeAxis> axisSwapped;
    private final ChangeListener<SelectionModel> modelSwapped;

    public MetricChartSkin(MetricChart control) {
        super(control);
        panel = new ChartPanel(control);
        getChildren().add(panel);
        axisMoved = o -> {
            panel.invalidateData();
            panel.invalidateOverlay();
        };
        selectionChanged = o -> panel.invalidateOverlay();
        axisSwapped = (obs, was, is) -> {
            if (was != null) {
                was.visibleProperty().removeListener(axisMoved);
            }
            if (is != null) {
                is.visibleProperty().addListener(axisMoved);
            }
            axisMoved.invalidated(null);
        };
        modelSwapped = (obs, was, is) -> {
            if (was != null) {
                was.selectionProperty().removeListener(selectionChanged);
            }
            if (is != null) {
                is.selectionProperty().addListener(selectionChanged);
            }
            panel.invalidateOverlay();
        };
        control.timeAxisProperty().addListener(axisSwapped);
        control.selectionModelProperty().addListener(modelSwapped);
        axisSwapped.changed(null, null, control.getTimeAxis());
        modelSwapped.changed(null, null, control.getSelectionModel());
        registerChangeListener(control.snapshotProperty(), o -> panel.invalidateData());
        registerChangeListener(control.metricProperty(), o -> panel.invalidateData());
        gestures = new TimeGestures(control, panel, control::getTimeAxis, control::getSelectionModel, null);
    }

    @Override
    public void dispose() {
        MetricChart control = getSkinnable();
        if (control == null) {
            return;
        }
        axisSwapped.changed(null, control.getTimeAxis(), null);
        modelSwapped.changed(null, control.getSelectionModel(), null);
        control.timeAxisProperty().removeListener(axisSwapped);
        control.selectionModelProperty().removeListener(modelSwapped);
        gestures.dispose();
        super.dispose();
    }
}
