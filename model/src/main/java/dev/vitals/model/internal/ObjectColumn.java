package dev.vitals.model.internal;

import java.util.Arrays;

/**
 * An append-only column of references in fixed-size blocks; like {@link LongColumn}, a view taken
 * at some length stays valid while the single writer appends.
 *
 * @param <T> the element type
 */
public final class ObjectColumn<T> {
    private Object[][] blocks = new Object[4][];
    private int length;

    /** Number of values. */
    public int length() {
        return length;
    }

    /** Appends a value. */
    public void add(T value) {
        int b = length >>> LongColumn.SHIFT;
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        if (blocks[b] == null) {
            blocks[b] = new Object[LongColumn.BLOCK];
        }
        blocks[b][length & LongColumn.MASK] = value;
        length++;
    }

    /** The value at {@code index}. */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) blocks[index >>> LongColumn.SHIFT][index & LongColumn.MASK];
    }

    /** An immutable view of the first {@link #length()} values. */
    public ObjectView<T> view() {
        return new ObjectView<>(blocks, length);
    }
}
