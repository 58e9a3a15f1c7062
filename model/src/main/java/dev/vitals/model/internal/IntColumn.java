package dev.vitals.model.internal;

import java.util.Arrays;

/**
 * An append-only column of ints in fixed-size blocks. Blocks never move once allocated, so a
 * {@link IntView} taken at some length stays valid and unchanged while the single writer appends.
 */
public final class IntColumn {
    static final int SHIFT = 14;
    static final int BLOCK = 1 << SHIFT;
    static final int MASK = BLOCK - 1;
    private int[][] blocks = new int[4][];
    private int length;

    /** Number of values. */
    public int length() {
        return length;
    }

    /** Appends a value. */
    public void add(int value) {
        int b = length >>> SHIFT;
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        if (blocks[b] == null) {
            blocks[b] = new int[BLOCK];
        }
        blocks[b][length & MASK] = value;
        length++;
    }

    /** The value at {@code index}. */
    public int get(int index) {
        return blocks[index >>> SHIFT][index & MASK];
    }

    /** An immutable view of the first {@link #length()} values. */
    public IntView view() {
        return new IntView(blocks, length);
    }

    /** Bytes held by allocated blocks. */
    public long bytes() {
        long n = 0;
        for (int[] block : blocks) {
            n += block == null ? 0 : 4L * BLOCK;
        }
        return n;
    }
}
