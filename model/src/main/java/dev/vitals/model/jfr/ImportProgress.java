package dev.vitals.model.jfr;

/** Receives import progress in bytes; called on the importing thread, often. */
@FunctionalInterface
public interface ImportProgress {
    /** A progress callback that ignores everything. */
    ImportProgress NONE = (done, total) -> { };

    /** {@code bytesDone} of {@code bytesTotal} are read; never decreases. */
    void update(long bytesDone, long bytesTotal);
}
