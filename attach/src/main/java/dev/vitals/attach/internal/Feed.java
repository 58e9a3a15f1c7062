package dev.vitals.attach.internal;

import dev.vitals.attach.LiveSession;
import dev.vitals.attach.SessionEnd;
import jdk.jfr.consumer.RecordedEvent;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a live session's events come from: a JFR recording in the target, read as it is flushed,
 * whose chunks are kept in the session's {@code recording/} folder as they arrive.
 */
public interface Feed extends AutoCloseable {
    /** What a feed reports, on its one reading thread for events and flushes. */
    interface Listener {
        void event(RecordedEvent event);

        /** Every event up to the target's last flush has been delivered. */
        void flushed();

        /** The feed ended by itself (the recording or the target went away), or failed. */
        void ended(SessionEnd.Reason reason, String message);
    }

    LiveSession.Transport transport();

    /** The feed's recording in the target. */
    long recordingId();

    /** Starts reading in the background. */
    void start(Listener listener);

    /** Keeps the chunks that arrived so far in the recording folder (called at every flush). */
    void keep() throws IOException;

    /**
     * Ends the feed: stops the recording first if {@code stopRecording}, delivers what the target
     * has flushed (waiting up to {@code limit}), keeps it and closes. Returns a problem to report.
     */
    Optional<String> end(boolean stopRecording, Duration limit);

    /** Ends the feed without stopping the recording first. */
    @Override
    default void close() {
        end(false, Duration.ZERO);
    }
}
