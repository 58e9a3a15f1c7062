package dev.vitals.model;

import java.util.List;
import java.util.Map;

/**
 * The profile model: an append-only set of tables, read through immutable snapshots. One writer
 * (an importer) appends a batch and then {@link #publish}es a new snapshot; any number of readers
 * call {@link #snapshot()} and see the last published state, consistent across tables.
 */
public final class Profile {
    private volatile ProfileSnapshot current;

    /** A model whose first snapshot is {@code initial}. */
    public Profile(ProfileSnapshot initial) {
        this.current = initial;
    }

    /** The last published snapshot. */
    public ProfileSnapshot snapshot() {
        return current;
    }

    /** Makes {@code next} the snapshot readers see. Called by the model's single writer only. */
    public void publish(ProfileSnapshot next) {
        current = next;
    }

    /** An empty info for a source, before any event. */
    public static RecordingInfo emptyInfo(String source) {
        return new RecordingInfo(source, "", "", 0, 0, 0, Map.of(), List.of());
    }
}
