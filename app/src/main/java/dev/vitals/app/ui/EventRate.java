package dev.vitals.app.ui;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Events per second over the last {@link #WINDOW_NANOS}, from a running count read now and then.
 * JFR delivers its events a flush at a time (about once a second), so the count read once a second
 * jumps by two flushes or by none: over a few seconds the rate holds still and is right.
 */
final class EventRate {
    /** How far back the rate looks. */
    static final long WINDOW_NANOS = 5_000_000_000L;

    /** Readings (time, count), oldest first, reaching just past the window. */
    private final Deque<long[]> readings = new ArrayDeque<>();

    /** Takes the count read at {@code nanos} and returns the rate per second since the oldest reading kept. */
    long add(long nanos, long count) {
        readings.addLast(new long[] {nanos, count});
        // drop the oldest while the next one still reaches back a whole window
        while (readings.size() > 2) {
            long[] oldest = readings.removeFirst();
            if (nanos - readings.getFirst()[0] < WINDOW_NANOS) {
                readings.addFirst(oldest);
                break;
            }
        }
        long[] oldest = readings.getFirst();
        long elapsed = nanos - oldest[0];
        return elapsed <= 0 ? 0 : Math.round((count - oldest[1]) * 1e9 / elapsed);
    }
}
