package dev.vitals.views.flame.internal;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.Arrays;

/**
 * Fits frame names into boxes with cached text measurement: each character's advance is measured
 * once per font, a name's width is the sum of its characters' advances (kerning ignored, so the
 * estimate errs a little wide), and a name that does not fit is cut with an ellipsis.
 */
public final class TextFitter {
    /** The ellipsis appended to a cut name. */
    public static final String ELLIPSIS = "…";
    /** A cut name shows at least this many characters before its ellipsis, or nothing. */
    public static final int MIN_CHARS = 3;

    private final Font font;
    private final float[] advance = new float[Character.MAX_VALUE + 1];
    private final Text probe = new Text();
    private final double ellipsisWidth;

    public TextFitter(Font font) {
        this.font = font;
        Arrays.fill(advance, Float.NaN);
        probe.setFont(font);
        ellipsisWidth = measure(ELLIPSIS);
    }

    /** The font measured. */
    public Font font() {
        return font;
    }

    /** The width of {@code s[from, to)}. */
    public double width(String s, int from, int to) {
        double w = 0;
        for (int i = from; i < to; i++) {
            w += advance(s.charAt(i));
        }
        return w;
    }

    /**
     * How many characters of {@code s[from, ...)} to draw within {@code available} pixels: all of
     * them ({@code s.length() - from}) if they fit, else a positive count {@code k} meaning
     * "the first k characters and an ellipsis", or 0 when fewer than {@link #MIN_CHARS} would fit.
     */
    public int fit(String s, int from, double available) {
        double full = width(s, from, s.length());
        if (full <= available) {
            return s.length() - from;
        }
        double room = available - ellipsisWidth;
        double w = 0;
        int count = 0;
        for (int i = from; i < s.length(); i++) {
            w += advance(s.charAt(i));
            if (w > room) {
                break;
            }
            count++;
        }
        return count >= MIN_CHARS ? count : 0;
    }

    private double advance(char c) {
        float a = advance[c];
        if (Float.isNaN(a)) {
            a = (float) measure(String.valueOf(c));
            advance[c] = a;
        }
        return a;
    }

    private double measure(String s) {
        probe.setText(s);
        return probe.getLayoutBounds().getWidth();
    }
}
