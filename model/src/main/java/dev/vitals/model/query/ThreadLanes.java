package dev.vitals.model.query;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleTable;
import dev.vitals.model.ThreadState;
import dev.vitals.model.query.internal.SelectedEvents;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thread states binned to a pixel width: for each thread, each of {@code width} equal time bins
 * holds the state that covered most of it, computed from the raw events at every zoom. Interval
 * events cover their exact span ({@link ThreadState#ofIntervalType}); a sample marks its state
 * for one sampling period ({@link #SAMPLE_NANOS}) from its time.
 *
 * @param fromNanos start of the first bin (epoch nanos)
 * @param toNanos   end of the last bin
 * @param width     number of bins
 * @param lanes     one per thread with any state in range, in thread index order
 */
public record ThreadLanes(long fromNanos, long toNanos, int width, List<Lane> lanes) {
    /** The time a single sample stands for: JFR's default execution sampling period. */
    public static final long SAMPLE_NANOS = 20_000_000L;
    private static final ThreadState[] STATES = ThreadState.values();

    /**
     * One thread's bins.
     *
     * @param threadIndex the thread
     * @param name        its name
     * @param states      per bin, the state's ordinal, or -1 where nothing is known
     */
    public record Lane(int threadIndex, String name, byte[] states) {
        /** The state in bin {@code x}, or {@code null} if unknown. */
        public ThreadState state(int x) {
            return states[x] < 0 ? null : STATES[states[x]];
        }

        /** The number of bins whose state is {@code state} (a share of the range, for sorting lanes). */
        public int bins(ThreadState state) {
            int n = 0;
            for (byte b : states) {
                n += b == state.ordinal() ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * The lanes of the selection's threads between {@code from} and {@code to} (the selection's own
     * range and event selector are not used: lanes show every state).
     */
    public static ThreadLanes compute(ProfileSnapshot snapshot, Selection selection, long from, long to, int width) {
        int threads = snapshot.threads().length();
        int states = STATES.length;
        double binNanos = (double) (to - from) / width;
        long[][] cover = new long[threads][];
        for (SampleTable table : snapshot.samples()) {
            ThreadState state = ThreadState.ofSampleKind(table.kind());
            if (state == null) {
                continue;
            }
            table.segments().forEachRange(from - SAMPLE_NANOS, to, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    int thread = table.thread(i);
                    if (selection.includesThread(thread)) {
                        add(cover, thread, state, table.time(i), table.time(i) + SAMPLE_NANOS, from, to, binNanos, width);
                    }
                }
            });
        }
        IntervalTable intervals = snapshot.intervals();
        ThreadState[] stateOfType = new ThreadState[intervals.typeCount()];
        for (int t = 0; t < stateOfType.length; t++) {
            stateOfType[t] = ThreadState.ofIntervalType(intervals.type(t).name());
        }
        intervals.segments().forEachRange(from - intervals.maxDuration(), to, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                ThreadState state = stateOfType[intervals.typeIndex(i)];
                int thread = intervals.thread(i);
                if (state != null && thread >= 0 && selection.includesThread(thread)) {
                    add(cover, thread, state, intervals.start(i), intervals.end(i), from, to, binNanos, width);
                }
            }
        });
        List<Lane> lanes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            if (cover[t] == null) {
                continue;
            }
            byte[] bins = new byte[width];
            for (int x = 0; x < width; x++) {
                int best = -1;
                long bestCover = 0;
                for (int s = 0; s < states; s++) {
                    long c = cover[t][x * states + s];
                    if (c > bestCover) {
                        best = s;
                        bestCover = c;
                    }
                }
                bins[x] = (byte) best;
            }
            lanes.add(new Lane(t, snapshot.threads().name(t), bins));
        }
        return new ThreadLanes(from, to, width, List.copyOf(lanes));
    }

    /**
     * Where the selection's events (their threads, event selector, frame filter and focus
     * transforms; not its range) occur between {@code from} and {@code to}, binned like the lanes:
     * for each thread with at least one such event, the set of bins holding one. With a frame
     * filter this is where samples through that frame were taken. Like the lanes, a sample covers
     * one sampling period ({@link #SAMPLE_NANOS}) from its time, an interval event its span.
     */
    public static Map<Integer, BitSet> hits(ProfileSnapshot snapshot, Selection selection, long from, long to,
                                            int width) {
        double binNanos = (double) (to - from) / width;
        Map<Integer, BitSet> hits = new HashMap<>();
        Selection inRange = selection.withRange(from - SAMPLE_NANOS, to);
        SelectedEvents.forEachFiltered(snapshot, inRange, (time, duration, thread, stack, v) -> {
            long end = Math.min(to, time + Math.max(duration, SAMPLE_NANOS));
            if (thread >= 0 && end > from) {
                int first = (int) Math.min(width - 1, Math.max(0, time - from) / binNanos);
                int last = (int) Math.min(width - 1, Math.max(first, (end - 1 - from) / binNanos));
                hits.computeIfAbsent(thread, t -> new BitSet(width)).set(first, last + 1);
            }
        });
        return hits;
    }

    private static void add(long[][] cover, int thread, ThreadState state, long start, long end, long from, long to,
                            double binNanos, int width) {
        long s = Math.max(start, from);
        long e = Math.min(end, to);
        if (e <= s) {
            return;
        }
        if (cover[thread] == null) {
            cover[thread] = new long[width * STATES.length];
        }
        int first = (int) Math.min(width - 1, (s - from) / binNanos);
        int last = (int) Math.min(width - 1, (e - 1 - from) / binNanos);
        for (int x = first; x <= last; x++) {
            long binStart = from + (long) (x * binNanos);
            long binEnd = from + (long) ((x + 1) * binNanos);
            long overlap = Math.min(e, binEnd) - Math.max(s, binStart);
            if (overlap > 0) {
                cover[thread][x * STATES.length + state.ordinal()] += overlap;
            }
        }
    }
}
