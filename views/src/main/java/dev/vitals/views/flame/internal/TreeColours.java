package dev.vitals.views.flame.internal;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.flame.FlameColouring;
import javafx.scene.paint.Color;

import java.util.function.Predicate;

/**
 * The per-node paint of one tree under the current colouring, search and baseline: a fill and a
 * text colour for every node, computed once when any of them changes so painting only reads arrays.
 * Also keeps the search result (which nodes match, the matched share) and, in diff mode, each
 * node's counterpart in the baseline tree (matched by path).
 */
public final class TreeColours {
    /** Fill of frames that match the search. */
    public static final Color MATCH = Color.rgb(0xe6, 0x6c, 0xe6);

    private final CallTree tree;
    private final Color[] fill;
    private final boolean[] darkText;
    private final boolean[] matched;
    private final long matchedWeight;
    private final CallTree baseline;
    private final int[] baselineNode;

    /**
     * @param search   which frame names match, {@code null} for no search
     * @param baseline the older tree of a diff, {@code null} for none
     */
    public TreeColours(CallTree tree, FramePalette palette, FlameColouring colouring,
                       Predicate<String> search, CallTree baseline) {
        this.tree = tree;
        int size = tree.size();
        this.fill = new Color[size];
        this.darkText = new boolean[size];
        this.matched = search == null ? null : new boolean[size];
        this.baseline = baseline;
        this.baselineNode = baseline == null ? null : mapToBaseline(tree, baseline);
        if (matched != null) {
            for (int n = 1; n < size; n++) {
                matched[n] = search.test(tree.name(n));
            }
        }
        this.matchedWeight = matched == null ? 0 : coveredWeight(tree, matched);
        double[] change = baseline == null ? null : changes(tree, baseline, baselineNode);
        for (int n = 0; n < size; n++) {
            Color c;
            if (matched != null && n > 0) {
                c = matched[n] ? MATCH : palette.dimmed(base(n, palette, colouring, change));
            } else {
                c = base(n, palette, colouring, change);
            }
            fill[n] = c;
            darkText[n] = FramePalette.isLight(c);
        }
    }

    private Color base(int n, FramePalette palette, FlameColouring colouring, double[] change) {
        if (n == 0) {
            return FramePalette.ROOT;
        }
        if (change != null) {
            return palette.byChange(change[n]);
        }
        return switch (colouring) {
            case FRAME_TYPE -> palette.byFrameType(tree.frameType(n), tree.name(n));
            case PACKAGE -> tree.packageName(n).isEmpty()
                    ? palette.byFrameType(tree.frameType(n), tree.name(n))
                    : palette.byPackage(tree.packageName(n));
        };
    }

    /** Weight under matching nodes, each sample counted once however many matches are nested. */
    private static long coveredWeight(CallTree tree, boolean[] matched) {
        long weight = 0;
        int n = 1;
        while (n < tree.size()) {
            if (matched[n]) {
                weight += tree.total(n);
                n = tree.subtreeEnd(n);
            } else {
                n++;
            }
        }
        return weight;
    }

    private static int[] mapToBaseline(CallTree tree, CallTree baseline) {
        int[] old = new int[tree.size()];
        for (int n = 1; n < tree.size(); n++) {
            int p = old[tree.parent(n)];
            old[n] = p == -1 ? -1 : baseline.findChild(p, tree.name(n));
        }
        return old;
    }

    /** Change of each node's share of all samples, normalised so the largest change is ±1. */
    private static double[] changes(CallTree tree, CallTree baseline, int[] old) {
        double[] change = new double[tree.size()];
        double newTotal = Math.max(1, tree.total(0));
        double oldTotal = Math.max(1, baseline.total(0));
        double largest = 0;
        for (int n = 1; n < tree.size(); n++) {
            double before = old[n] == -1 ? 0 : baseline.total(old[n]) / oldTotal;
            change[n] = tree.total(n) / newTotal - before;
            largest = Math.max(largest, Math.abs(change[n]));
        }
        if (largest > 0) {
            for (int n = 1; n < tree.size(); n++) {
                change[n] /= largest;
            }
        }
        return change;
    }

    public CallTree tree() {
        return tree;
    }

    public Color fill(int nodeIndex) {
        return fill[nodeIndex];
    }

    /** True when the node's text is drawn black, false for white. */
    public boolean darkText(int nodeIndex) {
        return darkText[nodeIndex];
    }

    /** True when a search is active. */
    public boolean searching() {
        return matched != null;
    }

    /** True when a search is active and the node matches it. */
    public boolean matches(int nodeIndex) {
        return matched != null && matched[nodeIndex];
    }

    /** Share of the root's weight under matching frames (0 when there is no search or no weight). */
    public double matchedShare() {
        return tree.total(0) == 0 ? 0 : (double) matchedWeight / tree.total(0);
    }

    /** The next matching node after {@code from} in depth-first order (wrapping), -1 if none. */
    public int nextMatch(int from, boolean forward) {
        if (matched == null) {
            return -1;
        }
        int size = tree.size();
        for (int step = 1; step <= size; step++) {
            int n = Math.floorMod(from + (forward ? step : -step), size);
            if (matched[n]) {
                return n;
            }
        }
        return -1;
    }

    /** The baseline tree of a diff, {@code null} when not diffing. */
    public CallTree baseline() {
        return baseline;
    }

    /** The node's counterpart in the baseline (same path), -1 if none or not diffing. */
    public int baselineNode(int nodeIndex) {
        return baselineNode == null ? -1 : baselineNode[nodeIndex];
    }
}
