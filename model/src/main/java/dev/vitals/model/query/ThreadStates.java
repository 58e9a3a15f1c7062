package dev.vitals.model.query;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleTable;
import dev.vitals.model.ThreadState;
import dev.vitals.model.internal.TimeOrder;

import java.util.Arrays;

/**
 * One thread's states as run-length intervals in a time range, derived from the samples and the
 * interval events of a snapshot (mapping: {@link ThreadState}): runs are sorted by start and do not
 * overlap; where two pieces claim the same time, the one that starts later wins over its own span
 * and the earlier state resumes after it; adjacent runs of one state are merged. A sample stands for
 * {@link ThreadLanes#SAMPLE_NANOS} from its time. Totals per state are kept with the runs.
 *
 * @param threadIndex the thread
 * @param start       run starts, epoch nanos, ascending
 * @param end         run ends (exclusive)
 * @param state       run states
 * @param totals      nanos per state ({@link ThreadState} ordinal)
 */
public record ThreadStates(int threadIndex, long[] start, long[] end, ThreadState[] state, long[] totals) {
    /** Number of runs. */
    public int length() {
        return start.length;
    }

    /** Total time in a state, nanos. */
    public long total(ThreadState s) {
        return totals[s.ordinal()];
    }

    /** The state at {@code timeNanos}, or {@code null} if no run covers it (binary search). */
    public ThreadState at(long timeNanos) {
        int i = Arrays.binarySearch(start, timeNanos);
        int run = i >= 0 ? i : -i - 2;
        return run >= 0 && timeNanos < end[run] ? state[run] : null;
    }

    /** The runs of one thread between {@code from} and {@code to}. */
    public static ThreadStates of(ProfileSnapshot snapshot, int threadIndex, long from, long to) {
        Pieces pieces = new Pieces();
        for (SampleTable table : snapshot.samples()) {
            ThreadState s = ThreadState.ofSampleKind(table.kind());
            if (s != null) {
                table.segments().forEachRange(from - ThreadLanes.SAMPLE_NANOS, to, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) {
                        if (table.thread(i) == threadIndex) {
                            pieces.add(table.time(i), table.time(i) + ThreadLanes.SAMPLE_NANOS, s, from, to);
                        }
                    }
                });
            }
        }
        IntervalTable intervals = snapshot.intervals();
        ThreadState[] stateOfType = new ThreadState[intervals.typeCount()];
        for (int t = 0; t < stateOfType.length; t++) {
            stateOfType[t] = ThreadState.ofIntervalType(intervals.type(t).name());
        }
        intervals.segments().forEachRange(from - intervals.maxDuration(), to, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                ThreadState s = stateOfType[intervals.typeIndex(i)];
                if (s != null && intervals.thread(i) == threadIndex) {
                    pieces.add(intervals.start(i), intervals.end(i), s, from, to);
                }
            }
        });
        return pieces.runs(threadIndex);
    }

    /** Collects clipped pieces, then sorts and cuts them into non-overlapping runs. */
    private static final class Pieces {
        long[] start = new long[64];
        long[] end = new long[64];
        byte[] state = new byte[64];
        int n;

        void add(long s, long e, ThreadState st, long from, long to) {
            long cs = Math.max(s, from);
            long ce = Math.min(e, to);
            if (ce <= cs) {
                return;
            }
            if (n == start.length) {
                start = Arrays.copyOf(start, n * 2);
                end = Arrays.copyOf(end, n * 2);
                state = Arrays.copyOf(state, n * 2);
            }
            start[n] = cs;
            end[n] = ce;
            state[n++] = (byte) st.ordinal();
        }

        ThreadStates runs(int threadIndex) {
            ThreadState[] all = ThreadState.values();
            int[] order = TimeOrder.order(start, n);
            Runs out = new Runs(2 * n + 1);
            for (int k = 0; k < n; k++) {
                int i = order[k];
                long s = start[i];
                long e = end[i];
                ThreadState st = all[state[i]];
                int last = out.n - 1;
                if (last >= 0 && out.end[last] > s && out.state[last] == st) {
                    out.end[last] = Math.max(out.end[last], e);
                    continue;
                }
                // the later piece wins over its own span; the state it covers resumes after it
                ThreadState resume = last >= 0 && out.end[last] > e ? out.state[last] : null;
                long resumeEnd = resume == null ? 0 : out.end[last];
                while (out.n > 0 && out.end[out.n - 1] > s) {
                    out.end[out.n - 1] = s;
                    if (s > out.start[out.n - 1]) {
                        break;
                    }
                    out.n--;
                }
                out.append(s, e, st);
                if (resume != null) {
                    out.append(e, resumeEnd, resume);
                }
            }
            long[] totals = new long[all.length];
            int runs = out.n;
            long[] rs = out.start;
            long[] re = out.end;
            ThreadState[] rst = out.state;
            for (int r = 0; r < runs; r++) {
                totals[rst[r].ordinal()] += re[r] - rs[r];
            }
            return new ThreadStates(threadIndex, Arrays.copyOf(rs, runs), Arrays.copyOf(re, runs),
                    Arrays.copyOf(rst, runs), totals);
        }
    }

    /** Runs under construction; adjacent runs of one state merge on append. */
    private static final class Runs {
        final long[] start;
        final long[] end;
        final ThreadState[] state;
        int n;

        Runs(int capacity) {
            start = new long[capacity];
            end = new long[capacity];
            state = new ThreadState[capacity];
        }

        void append(long s, long e, ThreadState st) {
            if (n > 0 && state[n - 1] == st && end[n - 1] == s) {
                end[n - 1] = e;
                return;
            }
            start[n] = s;
            end[n] = e;
            state[n++] = st;
        }
    }
}
