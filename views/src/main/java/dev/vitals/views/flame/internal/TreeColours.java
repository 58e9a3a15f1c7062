package dev.vitals.views.flame.internal;

import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.Diff;
import dev.vitals.views.flame.FlameColouring;
import javafx.scene.paint.Color;

import java.util.function.Predicate;

/**
 * The paint of one tree under the current colouring, search and baseline, worked out per node when
 * it is drawn (a {@link FramePalette} slot from the node's type, name or package), so a tree of any
 * size costs nothing to colour until its visible frames are painted.
 *
 * <p>Also keeps the search result and, in diff mode, the model's {@link Diff} (a node's colour is
 * its scaled change). The search is decided once per method (frames of one method share its name,
 * {@link CallTree#methodId}), and its matched share counts every node of the tree, drawn or not.
 * Used on the JavaFX thread only (the per-method search results fill in as frames are asked about).
 */
public final class TreeColours {
    private static final byte UNDECIDED = 0;
    private static final byte MATCHES = 1;
    private static final byte DIFFERS = 2;

    private final CallTree tree;
    private final FramePalette palette;
    private final FlameColouring colouring;
    private final Predicate<String> search;
    /** Whether each method matches the search, by method id; null without a search. */
    private final byte[] methodMatch;
    private final long matchedWeight;
    private final Diff diff;

    /**
     * @param search   which frame names match, {@code null} for no search
     * @param diff     the diff of {@code tree} against a baseline, {@code null} for none
     */
    public TreeColours(CallTree tree, FramePalette palette, FlameColouring colouring,
                       Predicate<String> search, Diff diff) {
        this.tree = tree;
        this.palette = palette;
        this.colouring = colouring;
        this.search = search;
        this.methodMatch = search == null ? null : new byte[maxMethodId(tree) + 1];
        this.matchedWeight = search == null ? 0 : coveredWeight();
        this.diff = diff;
    }

    private static int maxMethodId(CallTree tree) {
        int max = -1;
        for (int n = 1; n < tree.size(); n++) {
            max = Math.max(max, tree.methodId(n));
        }
        return max;
    }

    /** Weight under matching nodes, each sample counted once however many matches are nested. */
    private long coveredWeight() {
        long weight = 0;
        int n = 1;
        while (n < tree.size()) {
            if (matches(n)) {
                weight += tree.total(n);
                n = tree.subtreeEnd(n);
            } else {
                n++;
            }
        }
        return weight;
    }

    public CallTree tree() {
        return tree;
    }

    /** The node's palette slot: its base colour, the search highlight, or its dimmed colour. */
    private int slot(int n) {
        if (n == 0) {
            return FramePalette.ROOT_SLOT;
        }
        if (search != null && matches(n)) {
            return FramePalette.MATCH_SLOT;
        }
        int base;
        if (diff != null) {
            base = palette.byChange(diff.scaledDelta(n));
        } else {
            base = switch (colouring) {
                case FRAME_TYPE -> palette.byFrameType(tree.frameType(n), tree.name(n));
                case PACKAGE -> tree.packageName(n).isEmpty()
                        ? palette.byFrameType(tree.frameType(n), tree.name(n))
                        : palette.byPackage(tree.packageName(n));
            };
        }
        return search != null ? FramePalette.dimmed(base) : base;
    }

    public Color fill(int nodeIndex) {
        return palette.colour(slot(nodeIndex));
    }

    /** True when the node's text is drawn black, false for white. */
    public boolean darkText(int nodeIndex) {
        return palette.light(slot(nodeIndex));
    }

    /** True when a search is active. */
    public boolean searching() {
        return search != null;
    }

    /** True when a search is active and the node (not the root) matches it. */
    public boolean matches(int nodeIndex) {
        if (search == null || nodeIndex == 0) {
            return false;
        }
        int method = tree.methodId(nodeIndex);
        if (methodMatch[method] == UNDECIDED) {
            methodMatch[method] = search.test(tree.name(nodeIndex)) ? MATCHES : DIFFERS;
        }
        return methodMatch[method] == MATCHES;
    }

    /** Share of the root's weight under matching frames (0 when there is no search or no weight). */
    public double matchedShare() {
        return tree.total(0) == 0 ? 0 : (double) matchedWeight / tree.total(0);
    }

    /** The next matching node after {@code from} in depth-first order (wrapping), -1 if none. */
    public int nextMatch(int from, boolean forward) {
        if (search == null) {
            return -1;
        }
        int size = tree.size();
        for (int step = 1; step <= size; step++) {
            int n = Math.floorMod(from + (forward ? step : -step), size);
            if (matches(n)) {
                return n;
            }
        }
        return -1;
    }

    /** The diff of the tree, {@code null} when not diffing. */
    public Diff diff() {
        return diff;
    }
}
