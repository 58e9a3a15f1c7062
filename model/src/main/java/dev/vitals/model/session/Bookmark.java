package dev.vitals.model.session;

/**
 * A named span of a session (a point when {@code fromNanos == toNanos}): set by the user or by a
 * firing alert.
 *
 * @param fromNanos start, epoch nanos
 * @param toNanos   end, epoch nanos, not before {@code fromNanos}
 * @param label     the user's text
 */
public record Bookmark(long fromNanos, long toNanos, String label) {
    public Bookmark {
        if (toNanos < fromNanos) {
            throw new IllegalArgumentException("bookmark ends before it starts");
        }
        if (label == null) {
            throw new IllegalArgumentException("bookmark without a label");
        }
    }

    /** A bookmark with another label. */
    public Bookmark withLabel(String newLabel) {
        return new Bookmark(fromNanos, toNanos, newLabel);
    }
}
