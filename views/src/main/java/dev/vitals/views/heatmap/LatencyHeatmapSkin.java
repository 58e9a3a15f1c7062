package dev.vitals.views.heatmap;

import dev.vitals.model.query.Heatmap;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.heatmap.internal.LatencyPanel;
import dev.vitals.views.internal.Legends;
import dev.vitals.views.internal.NestedListener;
import dev.vitals.views.internal.TimeGestures;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The latency heatmap's look: the {@link LatencyPanel} with the count legend below. The axis or
 * the selection's threads changing ask for a new grid; other selection changes repaint only the
 * overlay. A click on a cell selects exactly that cell, its time bucket and its duration bucket; a
 * drag selects its time range and the duration rows it crosses.
 */
public class LatencyHeatmapSkin extends SkinBase<LatencyHeatmap> {
    private final LatencyPanel panel;
    private final HBox legend = Legends.scale("events", getSkinnable().viewColours());
    private final TimeGestures gestures;
    private final InvalidationListener axisMoved;
    private final InvalidationListener selectionChanged;
    private final NestedListener<TimeAxis> axisFollower;
    private final NestedListener<SelectionModel> selectionFollower;

    public LatencyHeatmapSkin(LatencyHeatmap control) {
        super(control);
        panel = new LatencyPanel(control, grid -> Legends.setMax(legend, grid.max()));
        legend.setAlignment(Pos.CENTER_RIGHT);
        legend.setPadding(new Insets(2, 4, 2, 4));
        legend.setMinWidth(0);
        getChildren().add(new BorderPane(panel, null, null, legend, null));
        axisMoved = o -> {
            panel.invalidateData();
            panel.invalidateOverlay();
        };
        selectionChanged = o -> panel.selectionChanged();
        axisFollower = new NestedListener<>(control.timeAxisProperty(), TimeAxis::visibleProperty, axisMoved,
                () -> axisMoved.invalidated(null));
        selectionFollower = new NestedListener<>(control.selectionModelProperty(), SelectionModel::selectionProperty,
                selectionChanged, () -> selectionChanged.invalidated(null));
        registerChangeListener(control.snapshotProperty(), o -> panel.invalidateData());
        registerChangeListener(control.eventTypeProperty(), o -> panel.invalidateData());
        registerChangeListener(control.markersProperty(), o -> panel.setMarkers(control.getMarkers()));
        panel.setMarkers(control.getMarkers());
        gestures = new TimeGestures(control, panel, control::getTimeAxis, control::getSelectionModel, this::clicked,
                panel::dragged);
    }

    private void clicked(double x, double y) {
        LatencyHeatmap control = getSkinnable();
        Heatmap grid = panel.grid();
        int column = panel.columnAt(x);
        int row = panel.rowAt(y);
        SelectionModel model = control.getSelectionModel();
        if (grid == null || column < 0 || row < 0 || model == null) {
            return;
        }
        model.select(grid.latencyCell(model.getSelection(), column, row).withDuring(control.getEventType()));
    }

    /** The panel drawing the grid, for the control's cell lookup. */
    LatencyPanel panel() {
        return panel;
    }

    @Override
    public void dispose() {
        LatencyHeatmap control = getSkinnable();
        if (control == null) {
            return;
        }
        axisFollower.dispose();
        selectionFollower.dispose();
        gestures.dispose();
        super.dispose();
    }
}
