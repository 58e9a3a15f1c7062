package dev.vitals.model;

/** Receives a range of row indices [from, to). */
@FunctionalInterface
public interface IndexRangeConsumer {
    /** Called with a non-empty range of rows. */
    void accept(int fromIndex, int toIndex);
}
