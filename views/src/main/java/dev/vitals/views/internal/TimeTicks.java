package dev.vitals.views.internal;

import dev.vitals.views.TimeRange;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Time-axis ticks at a "nice" step (1, 2 or 5 × a power of ten nanos) so that labels are at least
 * {@link #MIN_LABEL_GAP} pixels apart, labelled as time since the recording start.
 */
public final class TimeTicks {
    /** The smallest distance between two labelled ticks. */
    public static final double MIN_LABEL_GAP = 80;
    private static final Color TEXT = Color.rgb(0x30, 0x30, 0x30);
    private static final Color LINE = Color.rgb(0, 0, 0, 0.12);

    private TimeTicks() {
    }

    /** The tick step for a range drawn {@code width} pixels wide. */
    public static long step(TimeRange range, double width) {
        double minStep = range.length() * MIN_LABEL_GAP / Math.max(1, width);
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (step * m >= minStep) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    /** A duration in a short unit: "1.25 s", "300 ms", "40 µs", "12 ns". */
    public static String duration(long nanos) {
        double abs = Math.abs(nanos);
        if (abs >= 60e9) {
            return String.format("%d:%04.1f", nanos / 60_000_000_000L, (nanos % 60_000_000_000L) / 1e9);
        } else if (abs >= 1e9) {
            return trim(nanos / 1e9) + " s";
        } else if (abs >= 1e6) {
            return trim(nanos / 1e6) + " ms";
        } else if (abs >= 1e3) {
            return trim(nanos / 1e3) + " µs";
        }
        return nanos + " ns";
    }

    private static String trim(double v) {
        String s = String.format("%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Draws a time axis along the top {@code axisHeight} pixels of {@code [x0, x0 + width)}, with
     * faint grid lines down to {@code bottom}; labels are times since {@code originNanos}.
     */
    public static void paint(GraphicsContext gc, TimeRange range, long originNanos, double x0, double width,
                             double axisHeight, double bottom) {
        long step = step(range, width);
        long first = originNanos + Math.floorDiv(range.fromNanos() - originNanos + step - 1, step) * step;
        gc.setFill(Color.rgb(0xf4, 0xf4, 0xf4));
        gc.fillRect(x0, 0, width, axisHeight);
        gc.setFont(Fonts.SMALL);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (long t = first; t < range.toNanos(); t += step) {
            double x = Math.round(x0 + range.x(t, width)) + 0.5;
            gc.setStroke(LINE);
            gc.strokeLine(x, axisHeight * 0.6, x, bottom);
            gc.setFill(TEXT);
            gc.fillText(duration(t - originNanos), x, axisHeight * 0.35);
        }
        gc.setStroke(Color.rgb(0, 0, 0, 0.3));
        gc.strokeLine(x0, axisHeight - 0.5, x0 + width, axisHeight - 0.5);
    }
}
