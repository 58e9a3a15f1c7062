package dev.vitals.attach;

import jdk.jfr.consumer.RecordedEvent;

/**
 * Where a live session delivers its events: the profile model's importer. Called on the stream's
 * own thread, in time order within each flush; an exception thrown here ends the session.
 */
@FunctionalInterface
public interface EventSink {
    void accept(RecordedEvent event);

    /** After each flush of the stream (about once a second): every event up to it has been delivered. */
    default void flushed() {
    }
}
