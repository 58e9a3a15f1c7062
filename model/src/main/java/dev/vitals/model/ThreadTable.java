package dev.vitals.model;

import dev.vitals.model.internal.ObjectView;

/** Interned threads; a thread index is its row, stable for the life of a model. */
public final class ThreadTable {
    private final ObjectView<ThreadInfo> rows;

    /** A view of the interned threads (made by the model's writer). */
    public ThreadTable(ObjectView<ThreadInfo> rows) {
        this.rows = rows;
    }

    /** Number of threads. */
    public int length() {
        return rows.length();
    }

    /** The thread at {@code threadIndex}. */
    public ThreadInfo get(int threadIndex) {
        return rows.get(threadIndex);
    }

    /** The thread's name. */
    public String name(int threadIndex) {
        return rows.get(threadIndex).name();
    }
}
