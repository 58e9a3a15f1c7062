package dev.vitals.attach;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.ProfileImporter;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Delivers a live session's events into the profile model through its one importer, and publishes
 * a new snapshot at every flush of the stream (about once a second), so live views see the data
 * a flush at a time. Used from the stream's single thread, as the importer requires.
 */
public final class ModelSink implements EventSink {
    private final ProfileImporter importer;

    public ModelSink(ProfileImporter importer) {
        this.importer = importer;
    }

    /** A sink into a new, empty model named after its source (for example "pid 1234"). */
    public static ModelSink newModel(String source) {
        return new ModelSink(new ProfileImporter(source));
    }

    /** The model the events go into; readers take its snapshots. */
    public Profile profile() {
        return importer.profile();
    }

    @Override
    public void accept(RecordedEvent event) {
        importer.accept(event);
    }

    @Override
    public void flushed() {
        importer.publish();
    }
}
