package dev.vitals.views.flame.internal;

import dev.vitals.model.FrameType;
import javafx.scene.paint.Color;

import java.util.HashMap;
import java.util.Map;

/**
 * The flame graph's colours. Deterministic: a frame's colour depends only on its type and name (or
 * package), never on chance or on the order frames were seen, so a live graph keeps its colours.
 * Colours are interned, so a tree of any size holds a few hundred distinct {@link Color} objects.
 *
 * <p>The frame-type palette is async-profiler's ({@code flame.html}): a base colour per type plus a
 * variation along a per-type range, here chosen by a hash of the frame name.
 */
public final class FramePalette {
    /** Background behind the frames. */
    public static final Color BACKGROUND = Color.WHITE;
    /** The root frame ("all"). */
    public static final Color ROOT = Color.rgb(0xd8, 0xd8, 0xd8);
    /** Frames in diff mode that did not change. */
    public static final Color UNCHANGED = Color.rgb(0xee, 0xee, 0xee);

    private static final int VARIATIONS = 32;
    private final Map<Integer, Color> interned = new HashMap<>();

    /** Base colour (0xRRGGBB) and the variation range per channel of a frame type. */
    private static int[] spec(FrameType type) {
        return switch (type) {
            case INTERPRETED -> new int[]{0xb2e1b2, 20, 20, 20};
            case C1 -> new int[]{0xcce880, 20, 20, 20};
            case JIT -> new int[]{0x50e150, 30, 30, 30};
            case INLINED -> new int[]{0x50cccc, 30, 30, 30};
            case NATIVE -> new int[]{0xe15a5a, 30, 40, 40};
            case CPP -> new int[]{0xc8c83c, 30, 30, 10};
            case KERNEL -> new int[]{0xe17d00, 30, 30, 0};
            case UNKNOWN -> new int[]{0xb8b8b8, 20, 20, 20};
        };
    }

    /** The colour of a frame of the given type; {@code name} picks the variation within the type's range. */
    public Color byFrameType(FrameType type, String name) {
        int[] spec = spec(type);
        double v = (Math.floorMod(mix(name.hashCode()), VARIATIONS)) / (double) VARIATIONS;
        int r = (spec[0] >> 16 & 0xff) + (int) (spec[1] * v);
        int g = (spec[0] >> 8 & 0xff) + (int) (spec[2] * v);
        int b = (spec[0] & 0xff) + (int) (spec[3] * v);
        return rgb(Math.min(r, 255), Math.min(g, 255), Math.min(b, 255));
    }

    /** The legend colour of a frame type (its base colour). */
    public Color legend(FrameType type) {
        int base = spec(type)[0];
        return rgb(base >> 16 & 0xff, base >> 8 & 0xff, base & 0xff);
    }

    /** The colour of a Java package: a hue from its hash, light enough for black text. */
    public Color byPackage(String packageName) {
        int hue = Math.floorMod(mix(packageName.hashCode()), 360);
        Color c = Color.hsb(hue, 0.42, 0.93);
        return rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }

    /**
     * The colour of a change in a diff: {@code change} in [-1, 1], positive = grew (red), negative =
     * shrank (blue), 0 = unchanged (light grey).
     */
    public Color byChange(double change) {
        double c = Math.max(-1, Math.min(1, change));
        int level = (int) Math.round(Math.abs(c) * 24) ;
        if (level == 0) {
            return UNCHANGED;
        }
        int strong = 255;
        int weak = 235 - level * 7;
        return c > 0 ? rgb(strong, weak, weak) : rgb(weak, weak, strong);
    }

    /** A frame that does not match the active search: faded towards the background. */
    public Color dimmed(Color colour) {
        return rgb(fade(colour.getRed()), fade(colour.getGreen()), fade(colour.getBlue()));
    }

    /** True when black text is readable on this colour, otherwise text is white. */
    public static boolean isLight(Color colour) {
        return 0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue() > 0.5;
    }

    private static int fade(double channel) {
        return (int) Math.round((channel * 0.3 + 0.7 * 0.96) * 255);
    }

    private Color rgb(int r, int g, int b) {
        return interned.computeIfAbsent(r << 16 | g << 8 | b, key -> Color.rgb(r, g, b));
    }

    /** Spreads a string hash so that similar names get different variations. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        h *= 0x846ca68b;
        return h ^ h >>> 16;
    }
}
