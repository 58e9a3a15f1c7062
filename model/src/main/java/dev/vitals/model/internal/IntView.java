package dev.vitals.model.internal;

/** An immutable view of a {@link IntColumn}'s first {@code length} values. */
public record IntView(int[][] blocks, int length) {
    /** The value at {@code index} (0 to length - 1). */
    public int get(int index) {
        return blocks[index >>> IntColumn.SHIFT][index & IntColumn.MASK];
    }
}
