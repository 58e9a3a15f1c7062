package dev.vitals.views.flame;

import dev.vitals.model.FrameType;
import dev.vitals.model.query.CallTree;

import java.util.List;
import java.util.Objects;

/**
 * One frame of a flame graph: a node of the call tree it was found in. Equal when it is the same
 * node of the same tree instance; {@link #path()} identifies "the same" frame across trees.
 *
 * @param tree      the call tree shown
 * @param nodeIndex the node's index in {@code tree} (0 is the root)
 */
public record FlameFrame(CallTree tree, int nodeIndex) {
    public FlameFrame {
        Objects.requireNonNull(tree, "tree");
        Objects.checkIndex(nodeIndex, tree.size());
    }

    /** The frame's full name ("pkg.Class.method", "all" for the root). */
    public String name() {
        return tree.name(nodeIndex);
    }

    /** The method id, stable within one model; -1 for the root. */
    public int methodId() {
        return tree.methodId(nodeIndex);
    }

    /** The names from the root's child down to this frame (empty for the root). */
    public List<String> path() {
        return tree.path(nodeIndex);
    }

    /** The dominant frame type at this node. */
    public FrameType frameType() {
        return tree.frameType(nodeIndex);
    }

    /** Weight of the samples through this frame. */
    public long total() {
        return tree.total(nodeIndex);
    }

    /** Weight of the samples ending in this frame. */
    public long self() {
        return tree.self(nodeIndex);
    }

    /** True for the root ("all"). */
    public boolean isRoot() {
        return nodeIndex == 0;
    }

    @Override
    public String toString() {
        return "FlameFrame[" + String.join(";", path()) + "]";
    }
}
