package dev.vitals.attach.internal;

import dev.vitals.attach.LiveSession;
import dev.vitals.attach.SessionEnd;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a live session's data come from: a JFR recording in the target whose chunks are kept in
 * the session's {@code recording/} folder as the target flushes them, where the session reads them.
 */
public interface Feed extends AutoCloseable {
    /** What a feed reports. */
    interface Listener {
        /** New data, up to a flush of the target, are in the recording folder. */
        void kept();

        /** The feed ended by itself (the recording or the target went away), or failed. */
        void ended(SessionEnd.Reason reason, String message);
    }

    LiveSession.Transport transport();

    /** The feed's recording in the target. */
    long recordingId();

    /** Starts keeping the target's flushes in the background. */
    void start(Listener listener);

    /**
     * Ends the feed: stops the recording first if {@code stopRecording}, keeps what the target has
     * flushed (waiting up to {@code limit}) and closes. Returns a problem to report.
     */
    Optional<String> end(boolean stopRecording, Duration limit);

    /** Ends the feed without stopping the recording first. */
    @Override
    default void close() {
        end(false, Duration.ZERO);
    }
}
