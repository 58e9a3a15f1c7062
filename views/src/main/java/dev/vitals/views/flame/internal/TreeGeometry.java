package dev.vitals.views.flame.internal;

import dev.vitals.model.query.CallTree;

import java.util.List;

/**
 * Where each node of a call tree sits along the sample axis: {@code offset(n)} is the weight to the
 * left of node {@code n} within the root, so the node spans {@code [offset(n), offset(n) + total(n))}.
 * Children start at their parent's left edge in tree (name) order; a parent's self weight is the
 * space after its last child. Computed once per tree in one pass.
 */
public final class TreeGeometry {
    private final CallTree tree;
    private final long[] offset;

    public TreeGeometry(CallTree tree) {
        this.tree = tree;
        this.offset = new long[tree.size()];
        for (int n = 0; n < tree.size(); n++) {
            long cursor = offset[n];
            for (int c = tree.firstChild(n); c != -1; c = tree.nextSibling(c)) {
                offset[c] = cursor;
                cursor += tree.total(c);
            }
        }
    }

    public CallTree tree() {
        return tree;
    }

    /** Weight left of the node within the root. */
    public long offset(int nodeIndex) {
        return offset[nodeIndex];
    }

    /** The child of {@code nodeIndex} spanning sample position {@code u}, -1 if none. */
    public int childAt(int nodeIndex, double u) {
        for (int c = tree.firstChild(nodeIndex); c != -1; c = tree.nextSibling(c)) {
            if (u >= offset[c] && u < offset[c] + tree.total(c)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The node reached from the root through {@code path}, or through its longest prefix that
     * exists in this tree (the root if none does).
     */
    public int deepestExisting(List<String> path) {
        int node = 0;
        for (String step : path) {
            int child = tree.findChild(node, step);
            if (child == -1) {
                break;
            }
            node = child;
        }
        return node;
    }
}
