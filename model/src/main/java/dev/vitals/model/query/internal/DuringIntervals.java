package dev.vitals.model.query.internal;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.Selection;

import java.util.Arrays;

/**
 * The interval events that bound a selection's samples ({@link Selection#duringType()}): those of
 * the type that start in the selection's range, on its threads, with a duration in its duration
 * range, kept per thread as start-sorted arrays with the running maximum of their ends, so "is this
 * time inside one of the thread's events" is one binary search.
 */
final class DuringIntervals {
    private final long[][] starts;
    private final long[][] maxEnds;
    private final long fromNanos;
    private final long toNanos;

    private DuringIntervals(long[][] starts, long[][] maxEnds, long fromNanos, long toNanos) {
        this.starts = starts;
        this.maxEnds = maxEnds;
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
    }

    static DuringIntervals of(ProfileSnapshot snapshot, Selection selection) {
        IntervalTable table = snapshot.intervals();
        int type = table.typeIndexOf(selection.duringType());
        int threads = snapshot.threads().length();
        int[] counts = new int[threads];
        long[][] pairs = new long[threads][];
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        if (type >= 0) {
            table.segments().forEachRange(selection.fromNanos(), selection.toNanos(), (from, to) -> {
                for (int i = from; i < to; i++) {
                    int thread = table.thread(i);
                    if (table.typeIndex(i) == type && thread >= 0 && selection.includesThread(thread)
                            && selection.includesDuration(table.duration(i))) {
                        long[] p = pairs[thread] == null ? new long[8] : pairs[thread];
                        if (2 * counts[thread] + 2 > p.length) {
                            p = Arrays.copyOf(p, p.length * 2);
                        }
                        p[2 * counts[thread]] = table.start(i);
                        p[2 * counts[thread] + 1] = table.end(i);
                        pairs[thread] = p;
                        counts[thread]++;
                        span[0] = Math.min(span[0], table.start(i));
                        span[1] = Math.max(span[1], table.end(i));
                    }
                }
            });
        }
        long[][] starts = new long[threads][];
        long[][] maxEnds = new long[threads][];
        for (int t = 0; t < threads; t++) {
            int n = counts[t];
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            long[] p = pairs[t];
            Arrays.sort(order, (a, b) -> Long.compare(p[2 * a], p[2 * b]));
            starts[t] = new long[n];
            maxEnds[t] = new long[n];
            long max = Long.MIN_VALUE;
            for (int k = 0; k < n; k++) {
                starts[t][k] = p[2 * order[k]];
                max = Math.max(max, p[2 * order[k] + 1]);
                maxEnds[t][k] = max;
            }
        }
        return new DuringIntervals(starts, maxEnds, span[0], span[1]);
    }

    /** The earliest start of the events, or Long.MAX_VALUE if there are none. */
    long fromNanos() {
        return fromNanos;
    }

    /** The latest end of the events. */
    long toNanos() {
        return toNanos;
    }

    /** True if {@code time} is inside one of the thread's events. */
    boolean contains(int thread, long time) {
        if (thread < 0 || thread >= starts.length || starts[thread].length == 0) {
            return false;
        }
        int found = Arrays.binarySearch(starts[thread], time);
        int last = found >= 0 ? found : -found - 2;
        if (found >= 0) {
            while (last + 1 < starts[thread].length && starts[thread][last + 1] == time) {
                last++;
            }
        }
        return last >= 0 && maxEnds[thread][last] > time;
    }
}
