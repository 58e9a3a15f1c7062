package dev.vitals.views.internal;

import dev.vitals.views.TimeMarker;
import dev.vitals.views.TimeRange;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

import java.util.List;

/**
 * A canvas whose plot area maps x to time on the shared axis, from {@link #plotLeft()} over
 * {@link #plotWidth()} pixels, below a header of {@link #plotTop()} pixels. Keeps the drag preview
 * that {@link TimeGestures} updates and paints it, and a selected range, as shaded bands, and the
 * control's {@link TimeMarker}s (through {@link MarkerLayer}).
 */
public abstract class TimePlot extends LayeredCanvas {
    private double dragFromX = Double.NaN;
    private double dragToX;
    private List<TimeMarker> markers = List.of();
    /** The label of the marker under the pointer. */
    private final Tooltip markerLabel = new Tooltip();

    protected TimePlot() {
        markerLabel.setShowDelay(Duration.millis(100));
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            TimeMarker marker = markerAt(e.getX(), e.getY());
            if (marker == null) {
                markerLabel.hide();
            } else if (!markerLabel.isShowing() || !markerLabel.getText().equals(marker.label())) {
                markerLabel.setText(marker.label());
                markerLabel.show(this, e.getScreenX() + 12, e.getScreenY() + 12);
            }
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> markerLabel.hide());
    }

    /** The markers drawn by {@link #paintMarkers}; repaints the overlay. */
    public void setMarkers(List<TimeMarker> newMarkers) {
        markers = newMarkers;
        invalidateOverlay();
    }

    /** Where markers go: the plot area. */
    public MarkerLayer.Plot markerPlot() {
        return new MarkerLayer.Plot(visible(), plotLeft(), plotWidth(), plotTop(), Math.floor(getHeight()));
    }

    /** The marker whose tab is at a point, or null. */
    public TimeMarker markerAt(double x, double y) {
        return MarkerLayer.at(markers, markerPlot(), x, y);
    }

    /** Paints the markers (call from the overlay). */
    protected void paintMarkers(GraphicsContext gc) {
        MarkerLayer.paint(gc, markers, markerPlot());
    }

    /** The x where the plot area starts. */
    public abstract double plotLeft();

    /** The top of the plot area. */
    public abstract double plotTop();

    /** The plot area's width. */
    public double plotWidth() {
        return Math.max(1, Math.floor(getWidth()) - plotLeft());
    }

    /** The visible range, or null when nothing is shown. */
    public abstract TimeRange visible();

    /** The time at {@code x}, clamped into the visible range. */
    public long timeAt(double x) {
        double lx = Math.max(0, Math.min(plotWidth(), x - plotLeft()));
        return visible().time(lx, plotWidth());
    }

    /** Shows a drag band between two x positions, or none with NaN. */
    public void setDrag(double fromX, double toX) {
        dragFromX = fromX;
        dragToX = toX;
        invalidateOverlay();
    }

    /** Shades the selected range (if bounded) and the drag band over the plot area. */
    protected void paintRanges(GraphicsContext gc, long fromNanos, long toNanos, double height) {
        TimeRange range = visible();
        if (range != null && (fromNanos != Long.MIN_VALUE || toNanos != Long.MAX_VALUE)) {
            double x0 = Math.max(0, range.x(Math.max(fromNanos, range.fromNanos()), plotWidth()));
            double x1 = Math.min(plotWidth(), range.x(Math.min(toNanos, range.toNanos()), plotWidth()));
            if (x1 > x0 || (x1 == x0 && x0 > 0 && x0 < plotWidth())) {
                band(gc, plotLeft() + x0, plotLeft() + x1, height);
            }
        }
        if (!Double.isNaN(dragFromX)) {
            band(gc, Math.min(dragFromX, dragToX), Math.max(dragFromX, dragToX), height);
        }
    }

    private void band(GraphicsContext gc, double x0, double x1, double height) {
        gc.setFill(Palettes.SELECTION_FILL);
        gc.fillRect(x0, plotTop(), Math.max(1, x1 - x0), height - plotTop());
        gc.setStroke(Palettes.SELECTION_EDGE);
        gc.setLineWidth(1);
        gc.strokeLine(Math.round(x0) + 0.5, plotTop(), Math.round(x0) + 0.5, height);
        gc.strokeLine(Math.round(x1) - 0.5, plotTop(), Math.round(x1) - 0.5, height);
    }

    /** A faint frame around the plot area. */
    protected void paintFrame(GraphicsContext gc, double height) {
        gc.setStroke(colours().gridColour());
        gc.setLineWidth(1);
        gc.strokeRect(plotLeft() + 0.5, plotTop() + 0.5, plotWidth() - 1, height - plotTop() - 1);
    }
}
