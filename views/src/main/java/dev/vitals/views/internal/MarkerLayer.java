package dev.vitals.views.internal;

import dev.vitals.views.TimeMarker;
import dev.vitals.views.TimeRange;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * Paints {@link TimeMarker}s on an overlay and finds the one under the pointer. A bookmark is a
 * translucent band over the plot area (at least 2 px wide) and a tab of {@link #TAB_HEIGHT} at the
 * top of the plot with its label; tabs are as wide as their label (estimated at
 * {@link #CHAR_WIDTH} a character, capped at {@link #MAX_TAB_WIDTH}) or the band, whichever is
 * wider. What a machine marks (an alert, a finding) is a tick of {@link #TICK_HEIGHT} in a slim
 * lane just above the plot area (at least {@link #TICK_WIDTH} wide) in its kind's colour, so it
 * never covers data however many there are; its label is the plot's hover text.
 * Where tabs or ticks overlap, the narrowest is the one hit.
 */
public final class MarkerLayer {
    /** Height of a marker's label tab. */
    public static final double TAB_HEIGHT = 14;
    /** The estimated width of a label character, for the tab's size. */
    public static final double CHAR_WIDTH = 6.5;
    /** The widest a tab gets. */
    public static final double MAX_TAB_WIDTH = 220;
    /** Height of an alert's tick, above the plot area. */
    public static final double TICK_HEIGHT = 5;
    /** The narrowest an alert's tick gets. */
    public static final double TICK_WIDTH = 3;
    /** How far around a tick the pointer still hits it. */
    private static final double TICK_REACH = 2;

    /** Where markers go: the plot's x range on the time axis and its vertical extent. */
    public record Plot(TimeRange range, double left, double width, double top, double bottom) {
    }

    private MarkerLayer() {
    }

    /** Paints every marker that overlaps the visible range. */
    public static void paint(GraphicsContext gc, List<TimeMarker> markers, Plot plot) {
        if (plot.range() == null || markers.isEmpty()) {
            return;
        }
        gc.save();
        gc.beginPath();
        gc.rect(plot.left(), plot.top() - TICK_HEIGHT, plot.width(), plot.bottom() - plot.top() + TICK_HEIGHT);
        gc.clip();
        gc.setFont(Fonts.SMALL);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        for (TimeMarker marker : markers) {
            Bounds tab = tab(marker, plot);
            if (tab == null) {
                continue;
            }
            Color colour = colour(marker.kind());
            if (ticked(marker)) {
                gc.setFill(colour);
                gc.fillRect(tab.getMinX() + TICK_REACH, plot.top() - TICK_HEIGHT, tab.getWidth() - 2 * TICK_REACH, TICK_HEIGHT);
                continue;
            }
            double x0 = band(marker, plot)[0];
            double x1 = band(marker, plot)[1];
            gc.setFill(colour.deriveColor(0, 1, 1, 0.16));
            gc.fillRect(x0, plot.top(), x1 - x0, plot.bottom() - plot.top());
            gc.setStroke(colour.deriveColor(0, 1, 1, 0.7));
            gc.setLineWidth(1);
            gc.strokeLine(Math.round(x0) + 0.5, plot.top(), Math.round(x0) + 0.5, plot.bottom());
            gc.strokeLine(Math.round(x1) - 0.5, plot.top(), Math.round(x1) - 0.5, plot.bottom());
            gc.setFill(colour);
            gc.fillRect(tab.getMinX(), tab.getMinY(), tab.getWidth(), tab.getHeight());
            gc.save();
            gc.beginPath();
            gc.rect(tab.getMinX(), tab.getMinY(), tab.getWidth(), tab.getHeight());
            gc.clip();
            gc.setFill(Color.WHITE);
            gc.fillText(marker.label(), tab.getMinX() + 4, tab.getMinY() + TAB_HEIGHT / 2);
            gc.restore();
        }
        gc.restore();
    }

    /**
     * The marker whose tab holds the point, or null; where several do, the narrowest (a short alert
     * inside a long one stays reachable), and of equal ones the last painted.
     */
    public static TimeMarker at(List<TimeMarker> markers, Plot plot, double x, double y) {
        if (plot.range() == null) {
            return null;
        }
        TimeMarker hit = null;
        double hitWidth = Double.MAX_VALUE;
        for (int i = markers.size() - 1; i >= 0; i--) {
            Bounds tab = tab(markers.get(i), plot);
            if (tab != null && tab.contains(x, y) && tab.getWidth() < hitWidth) {
                hit = markers.get(i);
                hitWidth = tab.getWidth();
            }
        }
        return hit;
    }

    /**
     * The tab of a marker (for an alert or a finding, its tick with the reach around it) in the plot's
     * coordinates, or null if the marker is outside the visible range.
     */
    public static Bounds tab(TimeMarker marker, Plot plot) {
        TimeRange range = plot.range();
        if (range == null || marker.toNanos() < range.fromNanos() || marker.fromNanos() > range.toNanos()) {
            return null;
        }
        double[] band = band(marker, plot);
        if (ticked(marker)) {
            double x0 = Math.floor(band[0]);
            double width = Math.max(TICK_WIDTH, Math.ceil(band[1]) - x0);
            return new BoundingBox(x0 - TICK_REACH, plot.top() - TICK_HEIGHT - TICK_REACH, width + 2 * TICK_REACH,
                    TICK_HEIGHT + TICK_REACH);
        }
        double width = Math.max(band[1] - band[0], Math.min(MAX_TAB_WIDTH, marker.label().length() * CHAR_WIDTH + 8));
        return new BoundingBox(band[0], plot.top(), width, TAB_HEIGHT);
    }

    /** True for the marks a machine makes, drawn as ticks; a user's bookmark is a band with a tab. */
    private static boolean ticked(TimeMarker marker) {
        return marker.kind() != TimeMarker.Kind.BOOKMARK;
    }

    private static double[] band(TimeMarker marker, Plot plot) {
        TimeRange range = plot.range();
        double x0 = plot.left() + Math.max(0, range.x(Math.max(marker.fromNanos(), range.fromNanos()), plot.width()));
        double x1 = plot.left() + Math.min(plot.width(), range.x(Math.min(marker.toNanos(), range.toNanos()), plot.width()));
        return new double[] {x0, Math.max(x1, x0 + 2)};
    }

    private static Color colour(TimeMarker.Kind kind) {
        return switch (kind) {
            case ALERT -> Palettes.ALERT;
            case BOOKMARK -> Palettes.BOOKMARK;
            case FINDING -> Palettes.FINDING;
        };
    }
}
