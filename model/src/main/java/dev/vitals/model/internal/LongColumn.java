package dev.vitals.model.internal;

import java.util.Arrays;

/**
 * An append-only column of longs in fixed-size blocks. Blocks never move once allocated, so a
 * {@link LongView} taken at some length stays valid and unchanged while the single writer appends.
 */
public final class LongColumn {
    static final int SHIFT = 14;
    static final int BLOCK = 1 << SHIFT;
    static final int MASK = BLOCK - 1;
    private long[][] blocks = new long[4][];
    private int length;

    /** Number of values. */
    public int length() {
        return length;
    }

    /** Appends a value. */
    public void add(long value) {
        int b = length >>> SHIFT;
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        if (blocks[b] == null) {
            blocks[b] = new long[BLOCK];
        }
        blocks[b][length & MASK] = value;
        length++;
    }

    /** The value at {@code index}. */
    public long get(int index) {
        return blocks[index >>> SHIFT][index & MASK];
    }

    /** An immutable view of the first {@link #length()} values. */
    public LongView view() {
        return new LongView(blocks, length);
    }

    /** Bytes held by allocated blocks. */
    public long bytes() {
        long n = 0;
        for (long[] block : blocks) {
            n += block == null ? 0 : 8L * BLOCK;
        }
        return n;
    }
}
