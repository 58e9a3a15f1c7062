package dev.vitals.model.query;

import dev.vitals.model.FrameType;

/**
 * A change to every selected stack before it is counted, applied in order as a stack of transforms
 * (as in the Firefox Profiler). Methods are named by their frame name ("pkg.Class.method"), so a
 * transform survives reopening a session. A closed set: every consumer switches over it.
 */
public sealed interface Transform {
    /** Keeps only stacks through {@code method}, cut so that its outermost call becomes the root. */
    record Focus(String method) implements Transform {
    }

    /** Removes {@code method}'s frames; their time goes to the caller. */
    record Merge(String method) implements Transform {
    }

    /** Removes all frames of one type (for example {@link FrameType#NATIVE} or {@link FrameType#KERNEL}). */
    record DropFrameType(FrameType type) implements Transform {
    }

    /** Collapses direct recursion of {@code method}: consecutive frames of it become one. */
    record CollapseRecursion(String method) implements Transform {
    }
}
