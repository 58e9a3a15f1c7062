package dev.vitals.attach;

import jdk.jfr.consumer.RecordedEvent;

/**
 * Where a live session delivers its events: the profile model's importer. Called on the stream's
 * own thread, in time order within each flush; an exception thrown here ends the session.
 */
@FunctionalInterface
public interface EventSink {
    void accept(RecordedEvent event);

    /**
     * After each flush of the stream (about once a second), and once more when the session has
     * ended and the stream's thread is done: every event up to here has been delivered.
     */
    default void flushed() {
    }
}
