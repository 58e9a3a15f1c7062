package dev.vitals.model.jfr.internal;

import java.util.Arrays;

/**
 * The frames of one thread's last newly interned stack trace, root first (method and frame-type
 * pool ids, line), with the stack row each prefix was interned as, so that the next stack of the
 * thread reuses the rows of the frames it shares from the root instead of looking each up again.
 * Pool ids are chunk-local: one per thread per chunk decoder.
 */
final class StackPrefix {
    private long[] methods = new long[64];
    private int[] lines = new int[64];
    private long[] types = new long[64];
    private int[] rows = new int[64];
    private int depth;
    private boolean truncated;

    /**
     * How many frames from the root a new stack shares with this one.
     *
     * @param frameMethods the new stack's method ids, leaf first ({@code depth} of them), as JFR lists frames
     */
    int shared(long[] frameMethods, int[] frameLines, long[] frameTypes, int n, boolean newTruncated) {
        if (newTruncated != truncated) {
            return 0;
        }
        int max = Math.min(n, depth);
        int j = 0;
        while (j < max) {
            int i = n - 1 - j;
            if (methods[j] != frameMethods[i] || lines[j] != frameLines[i] || types[j] != frameTypes[i]) {
                break;
            }
            j++;
        }
        return j;
    }

    /** The stack row of the first {@code j + 1} frames. */
    int row(int j) {
        return rows[j];
    }

    /**
     * Keeps the first {@code n} frames (those a new stack shares) before the new stack's own are
     * {@link #set}, so that a stack whose interning fails half-way leaves a consistent prefix.
     */
    void keep(int n, boolean stackTruncated) {
        depth = n;
        truncated = stackTruncated;
    }

    /** Adds the frame at depth {@code j} (0: the root; the frames before it are kept) and the row its prefix was interned as. */
    void set(int j, long method, int line, long type, int row) {
        if (j >= methods.length) {
            int n = Math.max(j + 1, methods.length * 2);
            methods = Arrays.copyOf(methods, n);
            lines = Arrays.copyOf(lines, n);
            types = Arrays.copyOf(types, n);
            rows = Arrays.copyOf(rows, n);
        }
        methods[j] = method;
        lines[j] = line;
        types[j] = type;
        rows[j] = row;
        depth = j + 1;
    }
}
