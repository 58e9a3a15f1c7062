package dev.vitals.model.jfr;

import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.internal.ProfileStore;
import dev.vitals.model.jfr.internal.ChunkDecoder;
import dev.vitals.model.jfr.internal.ChunkHeader;

import java.util.ArrayList;
import java.util.List;

/**
 * The one importer of JFR data into a {@link Profile}, for files and live sessions alike: Vitals'
 * own chunk decoder writes this importer's tables directly, for a file ({@link JfrFiles}) and for
 * a live session's chunk files as they grow ({@link LiveChunks}). {@link #publish()} makes the
 * batch visible to readers as one new snapshot, and a batch that must not count is dropped with
 * {@link #discard()}. Single-threaded: one importer per reader, called from one thread.
 */
public final class ProfileImporter {
    private final ProfileStore store = new ProfileStore();
    private final Profile profile;
    private final String source;
    private final List<String> warnings = new ArrayList<>();
    private String jvmVersion = "";
    private String jvmName = "";
    private long startNanos = Long.MAX_VALUE;
    private long endNanos = Long.MIN_VALUE;
    private int chunkCount;

    /** An importer into a new, empty model. */
    public ProfileImporter(String source) {
        this.source = source;
        this.profile = new Profile(store.snapshot(Profile.emptyInfo(source)));
    }

    /** The model this importer writes; readers take {@link Profile#snapshot()}s of it. */
    public Profile profile() {
        return profile;
    }

    /** Counts records that are not events ({@code jdk.Checkpoint}, {@code jdk.Metadata}). */
    private void countRecords(String recordType, long n) {
        store.count(recordType, n);
    }

    /** Makes an event type appear in the counts (with 0 until events of it arrive), as {@code jfr summary} lists it. */
    private void countEventType(String eventType) {
        store.count(eventType, 0);
    }

    /** Records a complete chunk's time span. */
    public void noteChunk(long chunkStartNanos, long chunkDurationNanos) {
        noteSpan(chunkStartNanos, chunkDurationNanos);
        chunkCount++;
    }

    /** Widens the recording's span to a chunk's, as far as it is written (a live chunk's header says so at each flush). */
    void noteSpan(long chunkStartNanos, long chunkDurationNanos) {
        startNanos = Math.min(startNanos, chunkStartNanos);
        endNanos = Math.max(endNanos, chunkStartNanos + chunkDurationNanos);
    }

    /** Adds a warning line to the model's info. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** Makes the pending batch visible: one new snapshot, consistent across tables. */
    public ProfileSnapshot publish() {
        store.commit();
        ProfileSnapshot snapshot = store.snapshot(info());
        profile.publish(snapshot);
        return snapshot;
    }

    /** Drops the pending batch (the snapshot readers see does not change). */
    public void discard() {
        store.discard();
    }

    private RecordingInfo info() {
        boolean any = startNanos != Long.MAX_VALUE;
        return new RecordingInfo(source, jvmVersion, jvmName, any ? startNanos : 0, any ? endNanos : 0, chunkCount,
                store.counts(), List.copyOf(warnings));
    }

    /** The model's writer, for the file reader of this package. */
    ProfileStore store() {
        return store;
    }

    /**
     * Takes what the decoder found besides the events it wrote: the chunk's event types (listed
     * even with no events, as {@code jfr summary} lists them), its metadata and checkpoint records,
     * the JVM that wrote it ({@code jdk.JVMInformation}) and its warnings, each prefixed with {@code where}.
     */
    void take(ChunkDecoder.Result result, ChunkHeader header, String where) {
        for (String type : result.eventTypes()) {
            countEventType(type);
        }
        countRecords(header.recordPrefix() + "Metadata", result.metadata());
        countRecords(header.recordPrefix() + "Checkpoint", result.checkpoints());
        if (result.jvmVersion() != null || result.jvmName() != null) {
            jvmVersion = result.jvmVersion();
            jvmName = result.jvmName();
        }
        for (String warning : result.warnings()) {
            warn(where + ": " + warning);
        }
    }
}
