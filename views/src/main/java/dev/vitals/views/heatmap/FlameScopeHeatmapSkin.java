package dev.vitals.views.heatmap;

import dev.vitals.views.SelectionModel;
import dev.vitals.views.heatmap.internal.FlameScopePanel;
import dev.vitals.views.internal.Legends;
import dev.vitals.views.internal.NestedListener;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The FlameScope heatmap's look: a title and the count legend above the {@link FlameScopePanel},
 * a horizontal scroll bar below. A new snapshot or a change of the selection's threads recomputes
 * the grid; any other selection change repaints only the overlay.
 */
public class FlameScopeHeatmapSkin extends SkinBase<FlameScopeHeatmap> {
    private final FlameScopePanel panel;
    private final ScrollBar scrollBar = new ScrollBar();
    private final HBox legend = Legends.scale("samples", getSkinnable().viewColours());
    private final Label title = new Label();
    private final InvalidationListener selectionChanged;
    private final NestedListener<SelectionModel> selectionFollower;
    private final FlameScopeHeatmapBehavior behavior;

    public FlameScopeHeatmapSkin(FlameScopeHeatmap control) {
        super(control);
        panel = new FlameScopePanel(control, grid -> {
            title.setText("CPU samples per " + 1000 / grid.rows() + " ms, a column per second");
            Legends.setMax(legend, grid.max());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, spacer, legend);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 4, 3, 4));
        bar.setMinWidth(0);
        scrollBar.valueProperty().addListener((obs, was, is) -> {
            if (Math.abs(is.doubleValue() - panel.scrollX()) > 0.5) {
                panel.scrollTo(is.doubleValue());
            }
        });
        getChildren().add(new BorderPane(panel, bar, null, scrollBar, null));
        selectionChanged = o -> panel.selectionChanged();
        selectionFollower = new NestedListener<>(control.selectionModelProperty(), SelectionModel::selectionProperty,
                selectionChanged, () -> panel.refresh());
        registerChangeListener(control.snapshotProperty(), o -> panel.refresh());
        registerChangeListener(control.rowsPerSecondProperty(), o -> panel.refresh());
        registerChangeListener(control.columnWidthProperty(), o -> panel.refresh());
        behavior = new FlameScopeHeatmapBehavior(control, panel);
    }

    FlameScopePanel panel() {
        return panel;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        double max = panel.maxScrollX();
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(Math.max(1, panel.getWidth() - FlameScopePanel.LEFT));
        scrollBar.setValue(panel.scrollX());
        scrollBar.setDisable(max <= 0);
    }

    @Override
    public void dispose() {
        FlameScopeHeatmap control = getSkinnable();
        if (control == null) {
            return;
        }
        selectionFollower.dispose();
        behavior.dispose();
        super.dispose();
    }
}
