package dev.vitals.views.heatmap.internal;

import dev.vitals.model.query.Heatmap;
import dev.vitals.views.internal.Palettes;
import javafx.scene.canvas.GraphicsContext;

/** Paints heatmap cells: one rectangle per non-empty cell, edges snapped to whole pixels. */
public final class Cells {
    private Cells() {
    }

    /** The least scale position of a cell in a strong row: dark whatever its count. */
    public static final double STRONG = 0.75;

    /**
     * Paints columns {@code [firstColumn, lastColumn)} of a grid; column {@code c} starts at
     * {@code x0 + c * columnWidth}, row {@code r} at {@code y0 + r * rowHeight} (or from the bottom
     * when {@code upwards}, with row 0 lowest), on the scale for a {@code dark} background or a light one.
     * Cells of rows from {@code firstStrongRow} on are painted at least at {@link #STRONG} of the
     * scale, so a single rare event there stands out.
     */
    public static void paint(GraphicsContext gc, Heatmap grid, int firstColumn, int lastColumn, double x0,
                             double columnWidth, double y0, double rowHeight, boolean upwards,
                             boolean dark, int firstStrongRow) {
        for (int c = Math.max(0, firstColumn); c < Math.min(grid.columns(), lastColumn); c++) {
            double left = Math.floor(x0 + c * columnWidth);
            double right = Math.floor(x0 + (c + 1) * columnWidth);
            for (int r = 0; r < grid.rows(); r++) {
                long v = grid.value(c, r);
                if (v > 0) {
                    int slot = upwards ? grid.rows() - 1 - r : r;
                    double top = Math.floor(y0 + slot * rowHeight);
                    double bottom = Math.floor(y0 + (slot + 1) * rowHeight);
                    gc.setFill(r >= firstStrongRow ? Palettes.scale(Math.max(STRONG, Math.sqrt((double) v / grid.max())), dark)
                            : Palettes.count(v, grid.max(), dark));
                    gc.fillRect(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
                }
            }
        }
    }
}
