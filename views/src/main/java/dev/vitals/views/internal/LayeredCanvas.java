package dev.vitals.views.internal;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * Three viewport-sized canvas layers: data at the bottom, axes, then an overlay (hover, selection,
 * highlights) on top. Each layer has a dirty flag; {@link #layoutChildren()} repaints only dirty
 * layers, so it happens at most once per pulse and an overlay change never repaints the data. A
 * resize dirties every layer.
 */
public abstract class LayeredCanvas extends Region {
    private final Canvas data = new Canvas();
    private final Canvas axes = new Canvas();
    private final Canvas overlay = new Canvas();
    private boolean dataDirty = true;
    private boolean axesDirty = true;
    private boolean overlayDirty = true;

    protected LayeredCanvas() {
        axes.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        getChildren().addAll(data, axes, overlay);
        setMinSize(0, 0);
    }

    /** Marks the data (and the axes, which label it) for repainting at the next pulse. */
    public final void invalidateData() {
        dataDirty = true;
        axesDirty = true;
        requestLayout();
    }

    /** Marks only the overlay for repainting at the next pulse. */
    public final void invalidateOverlay() {
        overlayDirty = true;
        requestLayout();
    }

    @Override
    protected final void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (data.getWidth() != w || data.getHeight() != h) {
            for (Canvas c : new Canvas[] {data, axes, overlay}) {
                c.setWidth(w);
                c.setHeight(h);
            }
            dataDirty = axesDirty = overlayDirty = true;
        }
        if (w <= 0 || h <= 0) {
            return;
        }
        if (dataDirty) {
            dataDirty = false;
            GraphicsContext gc = data.getGraphicsContext2D();
            gc.clearRect(0, 0, w, h);
            paintData(gc, w, h);
        }
        if (axesDirty) {
            axesDirty = false;
            GraphicsContext gc = axes.getGraphicsContext2D();
            gc.clearRect(0, 0, w, h);
            paintAxes(gc, w, h);
        }
        if (overlayDirty) {
            overlayDirty = false;
            GraphicsContext gc = overlay.getGraphicsContext2D();
            gc.clearRect(0, 0, w, h);
            paintOverlay(gc, w, h);
        }
    }

    /** Paints the data layer (already cleared). */
    protected abstract void paintData(GraphicsContext gc, double width, double height);

    /** Paints the axes layer (already cleared). */
    protected abstract void paintAxes(GraphicsContext gc, double width, double height);

    /** Paints the overlay layer (already cleared). */
    protected abstract void paintOverlay(GraphicsContext gc, double width, double height);
}
