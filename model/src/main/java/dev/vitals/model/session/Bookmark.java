package dev.vitals.model.session;

/**
 * A named point in time of a session.
 *
 * @param timeNanos epoch nanos
 * @param label     the user's text
 */
public record Bookmark(long timeNanos, String label) {
}
