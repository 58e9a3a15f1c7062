package dev.vitals.model.query;

import dev.vitals.model.FrameType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The difference of two call trees (two ranges of one recording, or two recordings), matched by
 * frame names along the path from the root. {@link #tree()} is the union of both (totals are the
 * sums); per node, {@link #baseline} and {@link #comparison} give each side's total, and
 * {@link #delta} the change in share of the whole: comparison/comparisonRoot −
 * baseline/baselineRoot, so recordings of different lengths compare fairly.
 */
public final class Diff {
    private final CallTree union;
    private final long[] baseline;
    private final long[] comparison;

    private Diff(CallTree union, long[] baseline, long[] comparison) {
        this.union = union;
        this.baseline = baseline;
        this.comparison = comparison;
    }

    /** Diffs {@code comparison} against {@code baseline}. */
    public static Diff of(CallTree baseline, CallTree comparison) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        CallTree.Builder builder = new CallTree.Builder(names::get, packages::get);
        addSelf(baseline, builder, ids, names, packages);
        addSelf(comparison, builder, ids, names, packages);
        CallTree union = builder.build();
        return new Diff(union, totalsIn(union, baseline), totalsIn(union, comparison));
    }

    /** The union tree. */
    public CallTree tree() {
        return union;
    }

    /** The baseline's total at a union node (0 where the baseline lacks the path). */
    public long baseline(int nodeIndex) {
        return baseline[nodeIndex];
    }

    /** The comparison's total at a union node. */
    public long comparison(int nodeIndex) {
        return comparison[nodeIndex];
    }

    /** Change in share of the whole, from −1 to 1; 0 at the root. */
    public double delta(int nodeIndex) {
        return share(comparison, nodeIndex) - share(baseline, nodeIndex);
    }

    private static double share(long[] totals, int node) {
        return totals[0] == 0 ? 0 : (double) totals[node] / totals[0];
    }

    private static void addSelf(CallTree tree, CallTree.Builder builder, Map<String, Integer> ids, List<String> names,
                                List<String> packages) {
        int[] methods = new int[tree.maxDepth() + 1];
        FrameType[] types = new FrameType[tree.maxDepth() + 1];
        for (int n = 0; n < tree.size(); n++) {
            if (tree.self(n) == 0) {
                continue;
            }
            int depth = tree.depth(n);
            for (int m = n; m > 0; m = tree.parent(m)) {
                int d = tree.depth(m) - 1;
                int node = m;
                methods[d] = ids.computeIfAbsent(tree.name(m), name -> {
                    names.add(name);
                    packages.add(tree.packageName(node));
                    return names.size() - 1;
                });
                types[d] = tree.frameType(m);
            }
            builder.add(methods, types, depth, tree.self(n));
        }
    }

    /** Totals of {@code side} at each union node, matching children by name (parents come first). */
    private static long[] totalsIn(CallTree union, CallTree side) {
        int[] sideNode = new int[union.size()];
        long[] totals = new long[union.size()];
        sideNode[0] = 0;
        totals[0] = side.total(0);
        for (int u = 1; u < union.size(); u++) {
            int parent = sideNode[union.parent(u)];
            sideNode[u] = parent < 0 ? -1 : side.findChild(parent, union.name(u));
            totals[u] = sideNode[u] < 0 ? 0 : side.total(sideNode[u]);
        }
        return totals;
    }
}
