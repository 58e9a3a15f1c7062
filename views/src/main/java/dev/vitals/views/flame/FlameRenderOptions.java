package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.Diff;

import java.util.List;
import java.util.Objects;

/**
 * What {@link FlameGraphImages} renders: the image size, the layout and the control state to show.
 * Start from {@link #defaults()} and change what you need with the {@code with…} methods.
 *
 * @param width       image width in pixels (at least 200)
 * @param height      image height in pixels (at least 100)
 * @param orientation flame (root at the bottom) or icicle (root at the top)
 * @param mode        the kind of tree given; {@link FlameGraphMode#SANDWICH} also draws {@code callers}
 * @param colouring   by frame type or by package
 * @param search      search text ("" for none); matches are highlighted and the share shown
 * @param regex       whether {@code search} is a regular expression
 * @param callers     the callers tree of a sandwich, null otherwise
 * @param diff        the diff of the tree rendered against a baseline, null otherwise
 * @param zoomPath    names from the root's child to the frame to zoom into, null for none; a
 *                    missing tail is ignored
 */
public record FlameRenderOptions(int width, int height, FlameOrientation orientation, FlameGraphMode mode,
                                 FlameColouring colouring, String search, boolean regex, CallTree callers,
                                 Diff diff, List<String> zoomPath) {
    public FlameRenderOptions {
        if (width < 200 || height < 100) {
            throw new IllegalArgumentException("image too small: " + width + " x " + height + " (at least 200 x 100)");
        }
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(colouring, "colouring");
        Objects.requireNonNull(search, "search");
        zoomPath = zoomPath == null ? null : List.copyOf(zoomPath);
    }

    /** 1600 × 900, flame, top-down, coloured by frame type, no search, no zoom. */
    public static FlameRenderOptions defaults() {
        return new FlameRenderOptions(1600, 900, FlameOrientation.FLAME, FlameGraphMode.TOP_DOWN,
                FlameColouring.FRAME_TYPE, "", false, null, null, null);
    }

    public FlameRenderOptions withSize(int newWidth, int newHeight) {
        return new FlameRenderOptions(newWidth, newHeight, orientation, mode, colouring, search, regex, callers, diff, zoomPath);
    }

    public FlameRenderOptions withOrientation(FlameOrientation value) {
        return new FlameRenderOptions(width, height, value, mode, colouring, search, regex, callers, diff, zoomPath);
    }

    public FlameRenderOptions withMode(FlameGraphMode value) {
        return new FlameRenderOptions(width, height, orientation, value, colouring, search, regex, callers, diff, zoomPath);
    }

    public FlameRenderOptions withColouring(FlameColouring value) {
        return new FlameRenderOptions(width, height, orientation, mode, value, search, regex, callers, diff, zoomPath);
    }

    /** Search for a substring (case-insensitive) or, with {@code asRegex}, a regular expression. */
    public FlameRenderOptions withSearch(String text, boolean asRegex) {
        return new FlameRenderOptions(width, height, orientation, mode, colouring, text, asRegex, callers, diff, zoomPath);
    }

    /** Sandwich: the callers tree to draw above the callees (also sets the mode). */
    public FlameRenderOptions withCallers(CallTree value) {
        return new FlameRenderOptions(width, height, orientation, FlameGraphMode.SANDWICH, colouring, search, regex, value, diff, zoomPath);
    }

    /** Colour by a diff whose tree is the one rendered. */
    public FlameRenderOptions withDiff(Diff value) {
        return new FlameRenderOptions(width, height, orientation, mode, colouring, search, regex, callers, value, zoomPath);
    }

    public FlameRenderOptions withZoom(List<String> path) {
        return new FlameRenderOptions(width, height, orientation, mode, colouring, search, regex, callers, diff, path);
    }
}
