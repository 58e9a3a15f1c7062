package dev.vitals.views.internal;

import dev.vitals.views.ProfileControl;
import dev.vitals.views.ViewColours;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Three viewport-sized canvas layers: data at the bottom, axes, then an overlay (hover, selection,
 * highlights) on top. Each layer has a dirty flag; {@link #layoutChildren()} repaints only dirty
 * layers, so it happens at most once per pulse and an overlay change never repaints the data. A
 * resize dirties every layer. Above them, a status label says "computing…" while the view's query
 * has been running for {@link QueryStatus#LATE} (the layers keep the last answer meanwhile), or that
 * it failed. The layers paint with the control's {@link ViewColours} (the data layer starts as its
 * background), and a change of colour (a new theme) repaints them.
 */
public abstract class LayeredCanvas extends Region {
    private final Canvas data = new Canvas();
    private final Canvas axes = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Label status = new Label();
    private boolean dataDirty = true;
    private boolean axesDirty = true;
    private boolean overlayDirty = true;
    private ViewColours colours;

    protected LayeredCanvas() {
        axes.setMouseTransparent(true);
        overlay.setMouseTransparent(true);
        status.getStyleClass().add("view-status");
        status.setStyle("-fx-background-color: rgba(255,255,255,0.85); -fx-padding: 2 6 2 6; -fx-text-fill: #404040;");
        status.setMouseTransparent(true);
        status.setManaged(false);
        status.setVisible(false);
        getChildren().addAll(data, axes, overlay, status);
        setMinSize(0, 0);
    }

    /**
     * Follows the control: the state of its queries ({@link QueryStatus}) in the status label, its
     * colours on the layers.
     */
    protected final void followQueries(ProfileControl control) {
        colours = control.viewColours();
        colours.onChange(() -> {
            invalidateData();
            invalidateOverlay();
        });
        QueryStatus.follow(control, text -> {
            status.setText(text == null ? "" : text);
            status.setVisible(text != null);
            requestLayout();
        });
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
        request();
        status.autosize();
        status.relocate(Math.max(0, w - status.getWidth() - 6), 4);
        if (w <= 0 || h <= 0) {
            return;
        }
        if (dataDirty) {
            dataDirty = false;
            GraphicsContext gc = data.getGraphicsContext2D();
            gc.clearRect(0, 0, w, h);
            if (colours != null) {
                gc.setFill(colours.backgroundColour());
                gc.fillRect(0, 0, w, h);
            }
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

    /** The control's colours (from {@link #followQueries}). */
    protected final ViewColours colours() {
        return colours;
    }

    /**
     * Asks for the query answers the layers paint, for the current inputs (snapshot, visible range,
     * size…); called before each layout. The layers paint the last answer that arrived.
     */
    protected abstract void request();

    /** Paints the data layer (already cleared). */
    protected abstract void paintData(GraphicsContext gc, double width, double height);

    /** Paints the axes layer (already cleared). */
    protected abstract void paintAxes(GraphicsContext gc, double width, double height);

    /** Paints the overlay layer (already cleared). */
    protected abstract void paintOverlay(GraphicsContext gc, double width, double height);
}
