package dev.vitals.model.internal;

/** An immutable view of a {@link LongColumn}'s first {@code length} values. */
public record LongView(long[][] blocks, int length) {
    /** The value at {@code index} (0 to length - 1). */
    public long get(int index) {
        return blocks[index >>> LongColumn.SHIFT][index & LongColumn.MASK];
    }
}
