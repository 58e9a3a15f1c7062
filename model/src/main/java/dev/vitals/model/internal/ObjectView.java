package dev.vitals.model.internal;

/**
 * An immutable view of an {@link ObjectColumn}'s first {@code length} values.
 *
 * @param <T> the element type
 */
public record ObjectView<T>(Object[][] blocks, int length) {
    /** The value at {@code index} (0 to length - 1). */
    @SuppressWarnings("unchecked")
    public T get(int index) {
        return (T) blocks[index >>> LongColumn.SHIFT][index & LongColumn.MASK];
    }
}
