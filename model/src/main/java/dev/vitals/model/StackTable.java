package dev.vitals.model;

import dev.vitals.model.internal.IntView;

/**
 * Stacks as a prefix tree: row = (parent stack, frame), so a whole stack is one int, its leaf row.
 * Invariants: stacks are stored parents first ({@code parent(s) < s}); a root row has parent -1;
 * every row of a stack the JVM truncated (deeper than the recording's stack depth) is flagged
 * {@link #truncated}, and truncated stacks never share rows with complete ones. Stack index -1 is
 * "no stack".
 */
public final class StackTable {
    /**
     * Frame 0 of every model (method 0, line -1, {@link FrameType#UNKNOWN}): the marker call trees
     * put at the root of a truncated stack. It never occurs in a stored stack.
     */
    public static final int TRUNCATED_FRAME = 0;
    /** The marker frame's name. */
    public static final String TRUNCATED_NAME = "[truncated]";
    private final IntView parent;
    private final IntView frame;
    private final IntView depth;
    private final IntView truncated;

    /** A view of the interned stacks (made by the model's writer). */
    public StackTable(IntView parent, IntView frame, IntView depth, IntView truncated) {
        this.parent = parent;
        this.frame = frame;
        this.depth = depth;
        this.truncated = truncated;
    }

    /** Number of stack rows. */
    public int length() {
        return parent.length();
    }

    /** The caller's stack row, -1 for a root frame. */
    public int parent(int stackIndex) {
        return parent.get(stackIndex);
    }

    /** The frame of this row (the innermost frame of the stack it ends). */
    public int frame(int stackIndex) {
        return frame.get(stackIndex);
    }

    /** Number of frames in the stack ending at this row (1 for a root row). */
    public int depth(int stackIndex) {
        return depth.get(stackIndex);
    }

    /** True if the JVM cut this stack at its maximum depth (the outermost frames are missing). */
    public boolean truncated(int stackIndex) {
        return truncated.get(stackIndex) != 0;
    }

    /**
     * Writes the frames of a stack root first into {@code out} (which must hold
     * {@link #depth(int)} ints) and returns the depth; 0 for stack -1.
     */
    public int framesRootFirst(int stackIndex, int[] out) {
        if (stackIndex < 0) {
            return 0;
        }
        int n = depth(stackIndex);
        for (int s = stackIndex, i = n - 1; s != -1; s = parent(s), i--) {
            out[i] = frame(s);
        }
        return n;
    }
}
