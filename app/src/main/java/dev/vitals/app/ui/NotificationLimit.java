package dev.vitals.app.ui;

/**
 * At most one desktop notification per {@link #INTERVAL_NANOS} for a session: alert episodes that
 * start sooner after the last notification are held back and counted, and the next notification
 * says how many. Times are {@link System#nanoTime()} values. Lives on the FX thread.
 */
final class NotificationLimit {
    /** The shortest time between two notifications: 30 s. */
    static final long INTERVAL_NANOS = 30_000_000_000L;

    private boolean shown;
    private long lastNanos;
    private int held;

    /**
     * Whether a notification of {@code episodes} new episodes may be shown at {@code nowNanos}; if
     * not, they are counted as held back.
     */
    boolean allow(long nowNanos, int episodes) {
        if (shown && nowNanos - lastNanos < INTERVAL_NANOS) {
            held += episodes;
            return false;
        }
        shown = true;
        lastNanos = nowNanos;
        return true;
    }

    /** The episodes held back since the last notification shown; counting starts again. */
    int takeHeld() {
        int n = held;
        held = 0;
        return n;
    }
}
