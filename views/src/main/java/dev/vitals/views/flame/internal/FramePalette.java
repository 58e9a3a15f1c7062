package dev.vitals.views.flame.internal;

import dev.vitals.model.FrameType;
import javafx.scene.paint.Color;

/**
 * The flame graph's colours. Deterministic: a frame's colour depends only on its type and name (or
 * package), never on chance or on the order frames were seen, so a live graph keeps its colours.
 *
 * <p>Every colour the graph can use is made once, when the palette is created, and numbered: a
 * <em>slot</em>. Asking for a frame's colour is arithmetic on its name's hash giving a slot, so
 * colouring a frame allocates nothing and no frame is coloured before it is drawn. Each slot has a
 * dimmed twin ({@link #dimmed(int)}, for frames that do not match a search) and a text colour.
 *
 * <p>The frame-type palette is async-profiler's ({@code flame.html}): a base colour per type plus a
 * variation along a per-type range, here chosen by a hash of the frame name.
 */
public final class FramePalette {
    /** The root frame ("all"). */
    public static final Color ROOT = Color.rgb(0xd8, 0xd8, 0xd8);
    /** Frames in diff mode that did not change. */
    public static final Color UNCHANGED = Color.rgb(0xee, 0xee, 0xee);
    /** Fill of frames that match the search. */
    public static final Color MATCH = Color.rgb(0xe6, 0x6c, 0xe6);

    /** The slot of {@link #ROOT}. */
    public static final int ROOT_SLOT = 0;
    /** The slot of {@link #MATCH}. */
    public static final int MATCH_SLOT = 1;

    private static final int VARIATIONS = 32;
    private static final int HUES = 360;
    private static final int CHANGE_LEVELS = 24;
    private static final int TYPE_BASE = 2;
    private static final int HUE_BASE = TYPE_BASE + FrameType.values().length * VARIATIONS;
    private static final int CHANGE_BASE = HUE_BASE + HUES;
    private static final int SLOTS = CHANGE_BASE + 2 * CHANGE_LEVELS + 1;

    /** Slots {@code [0, SLOTS)} are the colours, {@code [SLOTS, 2 * SLOTS)} their dimmed twins. */
    private final Color[] colour = new Color[2 * SLOTS];
    private final boolean[] light = new boolean[2 * SLOTS];

    public FramePalette() {
        colour[ROOT_SLOT] = ROOT;
        colour[MATCH_SLOT] = MATCH;
        for (FrameType type : FrameType.values()) {
            int[] spec = spec(type);
            for (int v = 0; v < VARIATIONS; v++) {
                double f = v / (double) VARIATIONS;
                int r = (spec[0] >> 16 & 0xff) + (int) (spec[1] * f);
                int g = (spec[0] >> 8 & 0xff) + (int) (spec[2] * f);
                int b = (spec[0] & 0xff) + (int) (spec[3] * f);
                colour[TYPE_BASE + type.ordinal() * VARIATIONS + v] = Color.rgb(Math.min(r, 255), Math.min(g, 255), Math.min(b, 255));
            }
        }
        for (int hue = 0; hue < HUES; hue++) {
            Color c = Color.hsb(hue, 0.42, 0.93);
            colour[HUE_BASE + hue] = Color.rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                    (int) Math.round(c.getBlue() * 255));
        }
        for (int level = -CHANGE_LEVELS; level <= CHANGE_LEVELS; level++) {
            int weak = 235 - Math.abs(level) * 7;
            colour[CHANGE_BASE + CHANGE_LEVELS + level] = level == 0 ? UNCHANGED
                    : level > 0 ? Color.rgb(255, weak, weak) : Color.rgb(weak, weak, 255);
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            Color c = colour[slot];
            colour[SLOTS + slot] = Color.rgb(fade(c.getRed()), fade(c.getGreen()), fade(c.getBlue()));
            light[slot] = isLight(c);
            light[SLOTS + slot] = isLight(colour[SLOTS + slot]);
        }
    }

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

    /** The slot of a frame of the given type; {@code name} picks the variation within the type's range. */
    public int byFrameType(FrameType type, String name) {
        return TYPE_BASE + type.ordinal() * VARIATIONS + Math.floorMod(mix(name.hashCode()), VARIATIONS);
    }

    /** The slot of a Java package: a hue from its hash, light enough for black text. */
    public int byPackage(String packageName) {
        return HUE_BASE + Math.floorMod(mix(packageName.hashCode()), HUES);
    }

    /**
     * The slot of a change in a diff: {@code change} in [-1, 1], positive = grew (red), negative =
     * shrank (blue), 0 = unchanged ({@link #UNCHANGED}).
     */
    public int byChange(double change) {
        double c = Math.max(-1, Math.min(1, change));
        return CHANGE_BASE + CHANGE_LEVELS + (int) Math.round(c * CHANGE_LEVELS);
    }

    /** The slot of a frame that does not match the active search: its colour faded towards the background. */
    public static int dimmed(int slot) {
        return slot % SLOTS + SLOTS;
    }

    /** The colour of a slot. */
    public Color colour(int slot) {
        return colour[slot];
    }

    /** True when black text is readable on the slot's colour, otherwise text is white. */
    public boolean light(int slot) {
        return light[slot];
    }

    /** The legend colour of a frame type (its base colour, variation 0). */
    public Color legend(FrameType type) {
        return colour[TYPE_BASE + type.ordinal() * VARIATIONS];
    }

    private static boolean isLight(Color colour) {
        return 0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue() > 0.5;
    }

    private static int fade(double channel) {
        return (int) Math.round((channel * 0.3 + 0.7 * 0.96) * 255);
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
