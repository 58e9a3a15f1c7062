package dev.vitals.views.internal;

import dev.vitals.views.TableCells;
import dev.vitals.views.TimeRange;
import dev.vitals.views.ViewColours;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Time-axis ticks and the one way times are written in the views.
 *
 * <p>A time since the recording start is written in seconds below a minute ("0 s", "12 s",
 * "12.250 s") and as a clock from a minute on ("1:40", "1:40.250", "1:02:03"); one axis uses one
 * form for all its labels (the clock as soon as it reaches a minute), with as many decimals, in
 * groups of three, as its step needs. A duration is written in the unit that suits it ("143.39 ms",
 * "1.25 s", "40 µs") and as a clock from a minute on.
 *
 * <p>Ticks fall on a "nice" step (1, 2 or 5 × a power of ten nanos) chosen so that every label,
 * measured in its font, keeps at least {@link #LABEL_GAP} pixels from its neighbours, also where a
 * label at either end of the axis is moved inwards to stay whole: labels never overlap.
 */
public final class TimeTicks {
    /** The smallest gap between two labels. */
    public static final double LABEL_GAP = 8;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    /**
     * One labelled tick, relative to the start of the axis: where it is, where its label is centred
     * (moved inwards at the ends so that it stays whole), its time since the origin and its text.
     */
    public record Tick(double x, double labelX, long sinceOriginNanos, String label) {
    }

    private TimeTicks() {
    }

    /**
     * The ticks of {@code range} drawn {@code width} pixels wide in {@code font}, labelled as times
     * since {@code originNanos}; x is relative to the start of the axis.
     */
    public static List<Tick> ticks(TimeRange range, long originNanos, double width, Font font) {
        long step = 1;
        int factor = 0;
        double minStep = range.length() * 2 * LABEL_GAP / Math.max(1, width);
        while (true) {
            long candidate = step * new long[] {1, 2, 5}[factor];
            List<Tick> ticks = candidate < minStep ? null : ticksAt(range, originNanos, width, candidate, font);
            if (ticks != null && (candidate >= range.length() || fits(ticks, font))) {
                return ticks;
            }
            factor = (factor + 1) % 3;
            if (factor == 0) {
                step *= 10;
            }
        }
    }

    private static List<Tick> ticksAt(TimeRange range, long originNanos, double width, long step, Font font) {
        long first = originNanos + Math.floorDiv(range.fromNanos() - originNanos + step - 1, step) * step;
        long lastSince = range.toNanos() - originNanos;
        List<Tick> ticks = new ArrayList<>();
        for (long t = first; t < range.toNanos(); t += step) {
            String label = axisLabel(t - originNanos, step, lastSince);
            double x = range.x(t, width);
            double half = width(label, font) / 2;
            ticks.add(new Tick(x, Math.max(half, Math.min(width - half, x)), t - originNanos, label));
        }
        return ticks;
    }

    private static boolean fits(List<Tick> ticks, Font font) {
        for (int i = 1; i < ticks.size(); i++) {
            Tick a = ticks.get(i - 1);
            Tick b = ticks.get(i);
            double gap = b.labelX() - width(b.label(), font) / 2 - (a.labelX() + width(a.label(), font) / 2);
            if (gap < LABEL_GAP) {
                return false;
            }
        }
        return true;
    }

    /** The width of a text in a font. */
    public static double width(String text, Font font) {
        return TableCells.width(text, font);
    }

    /**
     * A tick label: {@code nanos} since the origin on an axis with ticks {@code stepNanos} apart whose
     * last time is {@code axisEndNanos} (which decides between seconds and a clock).
     */
    public static String axisLabel(long nanos, long stepNanos, long axisEndNanos) {
        int decimals = decimals(stepNanos);
        return axisEndNanos >= MINUTE ? clock(nanos, decimals) : seconds(nanos, decimals) + " s";
    }

    /** A time since the recording start, to the millisecond: "0:05.123", "1:40.250". */
    public static String offset(long nanos) {
        return clock(nanos, 3);
    }

    /** The decimals of a second a step needs, in groups of three: 0, 3, 6 or 9. */
    private static int decimals(long stepNanos) {
        int decimals = 0;
        for (long unit = SECOND; stepNanos % unit != 0 && decimals < 9; unit /= 1000) {
            decimals += 3;
        }
        return decimals;
    }

    private static String seconds(long nanos, int decimals) {
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        return sign + abs / SECOND + fraction(abs % SECOND, decimals);
    }

    private static String clock(long nanos, int decimals) {
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        long seconds = abs / SECOND % 60;
        String fraction = fraction(abs % SECOND, decimals);
        if (abs >= HOUR) {
            return String.format("%s%d:%02d:%02d%s", sign, abs / HOUR, abs / MINUTE % 60, seconds, fraction);
        }
        return String.format("%s%d:%02d%s", sign, abs / MINUTE, seconds, fraction);
    }

    private static String fraction(long nanosOfSecond, int decimals) {
        if (decimals == 0) {
            return "";
        }
        String nine = String.format("%09d", nanosOfSecond);
        return "." + nine.substring(0, decimals);
    }

    /**
     * A duration in the unit that suits it, never losing a significant digit: "12 ns", "40 µs",
     * "143.39 ms", "1.25 s", and from a minute on a clock to the millisecond ("1:40", "1:40.250").
     */
    public static String duration(long nanos) {
        double abs = Math.abs(nanos);
        if (abs >= MINUTE) {
            long millis = Math.abs(nanos) % SECOND / 1_000_000;
            return clock(nanos, millis == 0 ? 0 : 3);
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
     * faint grid lines down to {@code bottom}; labels are times since {@code originNanos}. Colours come
     * from the view's {@code colours}.
     */
    public static void paint(GraphicsContext gc, ViewColours colours, TimeRange range, long originNanos, double x0,
                             double width, double axisHeight, double bottom) {
        gc.setFill(colours.axisBackgroundColour());
        gc.fillRect(x0, 0, width, axisHeight);
        gc.setFont(Fonts.SMALL);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setLineWidth(1);
        for (Tick tick : ticks(range, originNanos, width, Fonts.SMALL)) {
            double x = Math.round(x0 + tick.x()) + 0.5;
            gc.setStroke(colours.gridColour());
            gc.strokeLine(x, axisHeight * 0.6, x, bottom);
            gc.setFill(colours.textColour());
            gc.fillText(tick.label(), x0 + tick.labelX(), axisHeight * 0.35);
        }
        gc.setStroke(colours.gridColour());
        gc.strokeLine(x0, axisHeight - 0.5, x0 + width, axisHeight - 0.5);
    }
}
