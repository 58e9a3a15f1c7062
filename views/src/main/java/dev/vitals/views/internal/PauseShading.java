package dev.vitals.views.internal;

import dev.vitals.model.query.EventList;
import dev.vitals.views.TimeRange;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;

/**
 * GC pauses and safepoints shaded over a plot by how much of each pixel column's time they took: a
 * pause wider than a pixel in full {@link Palettes#GC}, many short pauses in a long view faintly (a
 * column paused 2 % of its time is tinted, not covered), so the data under them stay readable at
 * any zoom.
 */
public final class PauseShading {
    /** The least share of {@link Palettes#GC}'s opacity a column with any pause gets, so each stays findable. */
    static final double LEAST = 0.15;

    private PauseShading() {
    }

    /** Shades {@code pauses} of {@code range} over the plot at ({@code left}, {@code top}), {@code width} × {@code height}. */
    public static void paint(GraphicsContext gc, List<EventList.Row> pauses, TimeRange range, double left, double top,
                             int width, double height) {
        double[] paused = coverage(pauses, range, width);
        for (int x = 0; x < width; x++) {
            if (paused[x] > 0) {
                gc.setFill(Palettes.GC.deriveColor(0, 1, 1, opacity(paused[x])));
                gc.fillRect(left + x, top, 1, height);
            }
        }
    }

    /** The share of {@link Palettes#GC}'s opacity a column paused for {@code share} of its time is shaded with. */
    static double opacity(double share) {
        return Math.max(LEAST, Math.min(1, share));
    }

    /** The share (0..1) of each of {@code width} pixel columns' time that {@code pauses} cover. */
    static double[] coverage(List<EventList.Row> pauses, TimeRange range, int width) {
        double[] paused = new double[Math.max(0, width)];
        for (EventList.Row p : pauses) {
            double x0 = Math.max(0, range.x(p.startNanos(), width));
            double x1 = Math.min(width, range.x(p.startNanos() + p.durationNanos(), width));
            for (int x = (int) Math.floor(x0); x < x1 && x < width; x++) {
                paused[x] += Math.min(x1, x + 1) - Math.max(x0, x);
            }
        }
        return paused;
    }
}
