package dev.vitals.views.flame.internal;

import dev.vitals.model.query.CallTree;

import java.util.List;

/**
 * Where a node of a call tree sits along the sample axis: its <em>offset</em> is the weight to the
 * left of it within the root, so the node spans {@code [offset, offset + total)}. Children start at
 * their parent's left edge in tree (name) order; a parent's self weight is the space after its last
 * child.
 *
 * <p>Offsets are worked out on demand, never for the whole tree: painting walks the tree in
 * depth-first order and carries them along (see {@link FlamePanel}), hit-testing carries them down
 * from the root, and {@link #offset} finds one node's from its ancestors and their earlier siblings.
 * So a new tree costs nothing to lay out until its visible frames are painted.
 */
public final class TreeGeometry {
    private TreeGeometry() {
    }

    /** Weight left of the node within the root: the totals of the earlier siblings of it and of its ancestors. */
    public static long offset(CallTree tree, int nodeIndex) {
        long offset = 0;
        for (int n = nodeIndex; n > 0; n = tree.parent(n)) {
            for (int s = tree.firstChild(tree.parent(n)); s != n; s = tree.nextSibling(s)) {
                offset += tree.total(s);
            }
        }
        return offset;
    }

    /**
     * The node reached from the root through {@code path}, or through its longest prefix that
     * exists in this tree (the root if none does).
     */
    public static int deepestExisting(CallTree tree, List<String> path) {
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
