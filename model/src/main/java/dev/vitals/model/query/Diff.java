package dev.vitals.model.query;

/**
 * A diff flame graph's data: the comparison's call tree (what is drawn, widths from it) and, per
 * node, the baseline's total and self at the same path (frame names matched from the root) and the
 * change in share of the whole: comparison/comparisonRoot − baseline/baselineRoot, so selections or
 * recordings of different lengths compare fairly. Computed once, off the UI thread; a view only maps
 * {@link #scaledDelta} to a colour.
 */
public final class Diff {
    private final CallTree tree;
    private final CallTree baselineTree;
    private final int[] baselineNode;
    private final double[] delta;
    private final double largestChange;

    private Diff(CallTree tree, CallTree baselineTree, int[] baselineNode, double[] delta, double largestChange) {
        this.tree = tree;
        this.baselineTree = baselineTree;
        this.baselineNode = baselineNode;
        this.delta = delta;
        this.largestChange = largestChange;
    }

    /** Diffs {@code comparison} against {@code baseline}; linear in the comparison's nodes and their children. */
    public static Diff of(CallTree baseline, CallTree comparison) {
        int size = comparison.size();
        int[] old = new int[size];
        double[] delta = new double[size];
        double newTotal = Math.max(1, comparison.total(0));
        double oldTotal = Math.max(1, baseline.total(0));
        double largest = 0;
        for (int n = 1; n < size; n++) {
            int p = old[comparison.parent(n)];
            old[n] = p == -1 ? -1 : baseline.findChild(p, comparison.name(n));
            double before = old[n] == -1 ? 0 : baseline.total(old[n]) / oldTotal;
            delta[n] = comparison.total(n) / newTotal - before;
            largest = Math.max(largest, Math.abs(delta[n]));
        }
        return new Diff(comparison, baseline, old, delta, largest);
    }

    /** The comparison's tree: the tree drawn. */
    public CallTree tree() {
        return tree;
    }

    /** The baseline's tree. */
    public CallTree baselineTree() {
        return baselineTree;
    }

    /** The baseline's total at the node's path (0 where the baseline lacks it). */
    public long baseline(int nodeIndex) {
        int old = baselineNode[nodeIndex];
        return old == -1 ? 0 : baselineTree.total(old);
    }

    /** The baseline's self at the node's path (0 where the baseline lacks it). */
    public long baselineSelf(int nodeIndex) {
        int old = baselineNode[nodeIndex];
        return old == -1 ? 0 : baselineTree.self(old);
    }

    /** The comparison's total at the node. */
    public long comparison(int nodeIndex) {
        return tree.total(nodeIndex);
    }

    /** Change in share of the whole, from −1 to 1; 0 at the root. */
    public double delta(int nodeIndex) {
        return delta[nodeIndex];
    }

    /** {@link #delta} scaled so that the largest change in the tree is ±1 (0 when nothing changed). */
    public double scaledDelta(int nodeIndex) {
        return largestChange == 0 ? 0 : delta[nodeIndex] / largestChange;
    }
}
