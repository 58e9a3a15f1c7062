package dev.vitals.attach;

import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.LiveChunks;
import dev.vitals.model.jfr.ProfileImporter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A live session's profile model: the session reads its kept chunk files into it, as they grow, with
 * the same decoder and importer as a file ({@link LiveChunks}), and publishes one snapshot per read
 * that found new data (a flush of the target, about once a second). Read on one thread at a time,
 * as the importer requires.
 */
public final class ModelSink {
    /** What {@code jfr summary} counts besides events: JDK 11 on, then JDK 9 and 10. */
    private static final Set<String> RECORDS = Set.of("jdk.Metadata", "jdk.Checkpoint",
            "com.oracle.jdk.Metadata", "com.oracle.jdk.Checkpoint");

    private final ProfileImporter importer;
    private final Consumer<ProfileSnapshot> published;
    private LiveChunks reader;

    /**
     * A sink into a new, empty model named after its source (for example "pid 1234"), which tells
     * {@code published} each new snapshot, on the session's reading thread.
     */
    public ModelSink(String source, Consumer<ProfileSnapshot> published) {
        this.importer = new ProfileImporter(source);
        this.published = published;
    }

    /** A sink into a new, empty model named after its source. */
    public static ModelSink newModel(String source) {
        return new ModelSink(source, snapshot -> { });
    }

    /** The model the data go into; readers take its snapshots. */
    public Profile profile() {
        return importer.profile();
    }

    /** Events read so far (the chunks' metadata and constant pool records not counted). */
    public long events() {
        return importer.profile().snapshot().info().eventCounts().entrySet().stream()
                .filter(e -> !RECORDS.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    /** Reads what is new in the chunk files of {@code recording}; called by the session whenever a flush is kept. */
    void read(Path recording) throws IOException {
        if (reader == null) {
            reader = new LiveChunks(importer, recording);
        }
        if (reader.read()) {
            published.accept(importer.profile().snapshot());
        }
    }
}
