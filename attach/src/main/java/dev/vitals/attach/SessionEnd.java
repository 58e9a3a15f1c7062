package dev.vitals.attach;

import java.time.Instant;

/**
 * How and when a live session ended. Its data up to the last flush is in the session folder
 * whatever the reason.
 *
 * @param reason  what ended it
 * @param message one readable sentence
 * @param at      when it ended
 * @param events  how many events were read into the model
 */
public record SessionEnd(Reason reason, String message, Instant at, long events) {

    /** What ended a session. */
    public enum Reason {
        /** Vitals stopped it: the user detached, or the recording's duration was reached. */
        STOPPED,
        /** The target JVM exited (a local process that Vitals watched). */
        TARGET_EXITED,
        /** The JMX connection failed or stopped answering. */
        CONNECTION_LOST,
        /** The recording was closed in the target by someone else. */
        RECORDING_CLOSED,
        /** The stream or the event sink failed; the message says how. */
        FAILED
    }
}
