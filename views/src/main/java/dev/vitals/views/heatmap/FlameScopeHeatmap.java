package dev.vitals.views.heatmap;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.ProfileControl;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.heatmap.internal.FlameScopePanel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.Skin;

/**
 * The FlameScope heatmap of CPU samples: a column per second of the recording, a row per sub-second
 * slot ({@link #rowsPerSecondProperty()}, 50 rows of 20 ms by default) from the top, colour = number
 * of samples of the selection's threads on a perceptual scale with a legend. It scrolls
 * horizontally when the columns do not fit; a live recording appends columns on the right, and a
 * view scrolled to the end stays there. Clicking a cell selects exactly its slot in the
 * {@link SelectionModel}; a drag selects from the first cell to the last in time order. Cells
 * holding samples through the selection's frame filter are outlined.
 */
public class FlameScopeHeatmap extends ProfileControl {
    private final IntegerProperty rowsPerSecond = new SimpleIntegerProperty(this, "rowsPerSecond", 50);
    private final IntegerProperty columnWidth = new SimpleIntegerProperty(this, "columnWidth", 18);

    public FlameScopeHeatmap() {
        getStyleClass().add("flamescope-heatmap");
        setFocusTraversable(true);
    }

    public FlameScopeHeatmap(ProfileSnapshot snapshot, SelectionModel selectionModel) {
        this();
        setSnapshot(snapshot);
        setSelectionModel(selectionModel);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlameScopeHeatmapSkin(this);
    }

    /** Rows (slots) per second. */
    public IntegerProperty rowsPerSecondProperty() {
        return rowsPerSecond;
    }

    public int getRowsPerSecond() {
        return rowsPerSecond.get();
    }

    public void setRowsPerSecond(int value) {
        rowsPerSecond.set(value);
    }

    /** Width of a column in pixels. */
    public IntegerProperty columnWidthProperty() {
        return columnWidth;
    }

    public int getColumnWidth() {
        return columnWidth.get();
    }

    public void setColumnWidth(int value) {
        columnWidth.set(value);
    }

    private FlameScopePanel panel() {
        return getSkin() instanceof FlameScopeHeatmapSkin s ? s.panel() : null;
    }

    /**
     * The bounds of the cell holding {@code nanos} (epoch) in this control's coordinates, or
     * {@code null} if it is scrolled out of view or outside the recording.
     */
    public Bounds cellBounds(long nanos) {
        FlameScopePanel panel = panel();
        Bounds inPanel = panel == null ? null : panel.cellBounds(nanos);
        return inPanel == null ? null : sceneToLocal(panel.localToScene(inPanel));
    }

    /** The number of samples in the cell holding {@code nanos}, 0 outside the grid. */
    public long cellValue(long nanos) {
        FlameScopePanel panel = panel();
        return panel == null ? 0 : panel.cellValue(nanos);
    }
}
