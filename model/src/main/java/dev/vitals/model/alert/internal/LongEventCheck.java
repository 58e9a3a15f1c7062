package dev.vitals.model.alert.internal;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.session.AlertRule;

import java.util.List;
import java.util.Set;

/**
 * Each event of one interval type longer than the threshold fires, with the event as its window
 * (and its thread, for per-thread events such as a blocked monitor enter).
 */
final class LongEventCheck implements Check {
    private final AlertRule rule;
    private final String eventType;
    private final long thresholdNanos;
    private final boolean perThread;
    private int nextRow;

    LongEventCheck(AlertRule rule, String eventType, double millis, boolean perThread) {
        this.rule = rule;
        this.eventType = eventType;
        this.thresholdNanos = Math.round(millis * 1e6);
        this.perThread = perThread;
    }

    @Override
    public void advance(ProfileSnapshot snapshot, boolean complete, List<AlertEvent> out) {
        IntervalTable intervals = snapshot.intervals();
        int type = intervals.typeIndexOf(eventType);
        int rows = intervals.length();
        if (type < 0) {
            nextRow = rows;
            return;
        }
        for (; nextRow < rows; nextRow++) {
            if (intervals.typeIndex(nextRow) == type && intervals.duration(nextRow) > thresholdNanos) {
                int thread = intervals.thread(nextRow);
                out.add(new AlertEvent(rule, intervals.start(nextRow), intervals.end(nextRow),
                        intervals.duration(nextRow) / 1e6, perThread && thread >= 0 ? Set.of(thread) : Set.of()));
            }
        }
    }
}
