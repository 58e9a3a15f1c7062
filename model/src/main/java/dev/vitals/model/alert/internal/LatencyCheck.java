package dev.vitals.model.alert.internal;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.alert.AlertEvaluator;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.session.AlertRule;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The p99 (nearest rank: the ⌈0.99·n⌉-th smallest) of one interval type's durations in windows of
 * the rule's length, aligned to whole multiples of it; an event belongs to the window its end falls
 * in. Open windows collect durations until the data pass their end by
 * {@link AlertEvaluator#GRACE_NANOS} (or the data are complete); an event that arrives for a window
 * already decided is not counted. A window whose p99 is over the threshold fires with the span and
 * threads of its events over the threshold.
 */
final class LatencyCheck implements Check {
    private final AlertRule.LatencyAbove rule;
    private final long windowNanos;
    private final long thresholdNanos;
    private final Map<Long, Window> open = new TreeMap<>();
    private long decidedBefore = Long.MIN_VALUE;
    private int nextRow;

    /** The durations of one window and its events over the threshold. */
    private static final class Window {
        long[] durations = new long[64];
        int count;
        long slowFrom = Long.MAX_VALUE;
        long slowTo = Long.MIN_VALUE;
        final Set<Integer> slowThreads = new HashSet<>();

        void add(long duration) {
            if (count == durations.length) {
                durations = Arrays.copyOf(durations, count * 2);
            }
            durations[count++] = duration;
        }
    }

    LatencyCheck(AlertRule.LatencyAbove rule) {
        this.rule = rule;
        this.windowNanos = Math.round(rule.windowSeconds() * 1e9);
        this.thresholdNanos = Math.round(rule.millis() * 1e6);
    }

    @Override
    public void advance(ProfileSnapshot snapshot, boolean complete, List<AlertEvent> out) {
        IntervalTable intervals = snapshot.intervals();
        int type = intervals.typeIndexOf(rule.eventType());
        int rows = intervals.length();
        for (; type >= 0 && nextRow < rows; nextRow++) {
            if (intervals.typeIndex(nextRow) != type) {
                continue;
            }
            long end = intervals.end(nextRow);
            long index = Math.floorDiv(end, windowNanos);
            if (index < decidedBefore) {
                continue;
            }
            Window window = open.computeIfAbsent(index, i -> new Window());
            long duration = intervals.duration(nextRow);
            window.add(duration);
            if (duration > thresholdNanos) {
                window.slowFrom = Math.min(window.slowFrom, intervals.start(nextRow));
                window.slowTo = Math.max(window.slowTo, end);
                if (intervals.thread(nextRow) >= 0) {
                    window.slowThreads.add(intervals.thread(nextRow));
                }
            }
        }
        nextRow = rows;
        long dataEnd = snapshot.info().endNanos();
        for (Iterator<Map.Entry<Long, Window>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Window> entry = it.next();
            long windowEnd = (entry.getKey() + 1) * windowNanos;
            if (!complete && windowEnd + AlertEvaluator.GRACE_NANOS > dataEnd) {
                break;
            }
            decide(entry.getValue(), out);
            decidedBefore = entry.getKey() + 1;
            it.remove();
        }
    }

    private void decide(Window window, List<AlertEvent> out) {
        long[] sorted = Arrays.copyOf(window.durations, window.count);
        Arrays.sort(sorted);
        long p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
        if (p99 > thresholdNanos) {
            out.add(new AlertEvent(rule, window.slowFrom, window.slowTo, p99 / 1e6, window.slowThreads));
        }
    }
}
