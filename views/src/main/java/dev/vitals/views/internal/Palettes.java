package dev.vitals.views.internal;

import dev.vitals.model.ThreadState;
import javafx.scene.paint.Color;

/**
 * The views' deterministic colours: one per thread state (green for running as in JMC and
 * VisualVM, red for blocked, warm for waits the code asked for, cool for parked/sleeping), a
 * perceptual sequential scale for counts (the viridis anchors: light to dark on a light background,
 * so an empty cell stays near white, and dark to bright on a dark one), and the selection and highlight colours.
 */
public final class Palettes {
    /** The shade over a selected time range. */
    public static final Color SELECTION_FILL = Color.rgb(0x30, 0x70, 0xe0, 0.18);
    /** The edges of a selected range or cell. */
    public static final Color SELECTION_EDGE = Color.rgb(0x20, 0x50, 0xc0);
    /** Marks where a frame filter's samples occur. */
    public static final Color HIGHLIGHT = Color.rgb(0xff, 0x8c, 0x00);
    /** Fired alert markers. */
    public static final Color ALERT = Color.rgb(0xd0, 0x24, 0x24);
    /** Bookmark markers. */
    public static final Color BOOKMARK = Color.rgb(0x7a, 0x3c, 0xc8);
    /** Markers of automated-analysis findings. */
    public static final Color FINDING = Color.rgb(0xd0, 0x8a, 0x10);
    /** GC pause and safepoint markers. */
    public static final Color GC = Color.rgb(0xc0, 0x20, 0x60, 0.55);

    /** Where the dark scale starts, short of the darkest colour so that a count of 1 shows on a dark background. */
    private static final double DARK_LOWEST = 0.3;
    private static final Color[] STATE = new Color[ThreadState.values().length];
    private static final Color[] SCALE = new Color[256];
    private static final double[][] VIRIDIS = {
            {0.993, 0.906, 0.144}, {0.741, 0.874, 0.150}, {0.478, 0.821, 0.318}, {0.267, 0.749, 0.441},
            {0.135, 0.659, 0.518}, {0.128, 0.567, 0.551}, {0.163, 0.471, 0.558}, {0.207, 0.372, 0.553},
            {0.254, 0.265, 0.530}, {0.283, 0.141, 0.458}, {0.267, 0.005, 0.329}};

    static {
        for (ThreadState s : ThreadState.values()) {
            STATE[s.ordinal()] = switch (s) {
                case RUNNING -> Color.rgb(0x3c, 0xb0, 0x44);
                case NATIVE -> Color.rgb(0x8f, 0xd1, 0x75);
                case BLOCKED -> Color.rgb(0xd9, 0x2b, 0x2b);
                case WAITING -> Color.rgb(0xf0, 0xa0, 0x30);
                case PARKED -> Color.rgb(0x5a, 0x8f, 0xd8);
                case SLEEPING -> Color.rgb(0xa8, 0x8c, 0xd8);
                case IO -> Color.rgb(0x2a, 0xb5, 0xb5);
                case UNKNOWN -> Color.rgb(0xc8, 0xc8, 0xc8);
            };
        }
        for (int i = 0; i < SCALE.length; i++) {
            double p = i / 255.0 * (VIRIDIS.length - 1);
            int k = Math.min(VIRIDIS.length - 2, (int) p);
            double f = p - k;
            SCALE[i] = Color.color(mix(VIRIDIS[k][0], VIRIDIS[k + 1][0], f), mix(VIRIDIS[k][1], VIRIDIS[k + 1][1], f),
                    mix(VIRIDIS[k][2], VIRIDIS[k + 1][2], f));
        }
    }

    private Palettes() {
    }

    private static double mix(double a, double b, double f) {
        return a + (b - a) * f;
    }

    /** The colour of a thread state. */
    public static Color state(ThreadState state) {
        return STATE[state.ordinal()];
    }

    /**
     * The colour of a count on a scale up to {@code max}, square-root spaced so that rare cells stay
     * visible: on a light background zero is white, 1 the lightest colour and {@code max} the
     * darkest; on a {@code dark} one the scale runs the other way, from a dim colour to the
     * brightest, and zero is transparent (the background).
     */
    public static Color count(long value, long max, boolean dark) {
        if (value <= 0 || max <= 0) {
            return dark ? Color.TRANSPARENT : Color.WHITE;
        }
        return scale(Math.sqrt((double) value / max), dark);
    }

    /** The scale colour at {@code f} in 0..1 for a light or {@code dark} background (for legends). */
    public static Color scale(double f, boolean dark) {
        double clamped = Math.max(0, Math.min(1, f));
        double position = dark ? 1 - (DARK_LOWEST + (1 - DARK_LOWEST) * clamped) : clamped;
        return SCALE[(int) Math.round(position * 255)];
    }
}
