package dev.vitals.model;

import dev.vitals.model.internal.IntView;
import dev.vitals.model.internal.LongView;

/**
 * The time index of a table: rows are appended in segments (one per imported batch), each sorted by
 * time, so the rows in a time range are found by one binary search per segment.
 */
public final class TimeSegments {
    private final LongView time;
    private final IntView segmentStart;

    /**
     * @param time         the rows' times, sorted within each segment
     * @param segmentStart index of the first row of each segment, ascending
     */
    public TimeSegments(LongView time, IntView segmentStart) {
        this.time = time;
        this.segmentStart = segmentStart;
    }

    /** Calls {@code consumer} with the rows whose time t satisfies {@code from <= t < to}. */
    public void forEachRange(long from, long to, IndexRangeConsumer consumer) {
        int segments = segmentStart.length();
        for (int k = 0; k < segments; k++) {
            int start = segmentStart.get(k);
            int end = k + 1 < segments ? segmentStart.get(k + 1) : time.length();
            if (start >= end || time.get(start) >= to || time.get(end - 1) < from) {
                continue;
            }
            int lo = lowerBound(start, end, from);
            int hi = lowerBound(lo, end, to);
            if (lo < hi) {
                consumer.accept(lo, hi);
            }
        }
    }

    private int lowerBound(int lo, int hi, long key) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.get(mid) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
