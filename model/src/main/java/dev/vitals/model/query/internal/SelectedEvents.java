package dev.vitals.model.query.internal;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleTable;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;

/**
 * Walks the events a selection's time range, threads, event selector, (for interval events)
 * duration range and (for samples) interval events of its {@code duringType} let through (not yet
 * its frame filter and transforms, which act on stacks: see {@link SelectedStacks}).
 */
public final class SelectedEvents {
    private SelectedEvents() {
    }

    /** Receives one selected event. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param timeNanos     start, epoch nanos
         * @param durationNanos 0 for samples
         * @param threadIndex   -1 if none
         * @param stackIndex    -1 if none
         * @param value         what the selection's measure adds up for this event
         */
        void visit(long timeNanos, long durationNanos, int threadIndex, int stackIndex, long value);
    }

    /** Receives one selected event with the row it came from, for callers that read an interval's fields. */
    @FunctionalInterface
    public interface RowVisitor {
        /**
         * @param intervalRow the event's row in the snapshot's {@link IntervalTable}, -1 for samples
         * @see Visitor#visit
         */
        void visit(long timeNanos, long durationNanos, int threadIndex, int stackIndex, long value, int intervalRow);
    }

    /**
     * Like {@link #forEach} but only events whose stack passes the selection's frame filter and its
     * {@link dev.vitals.model.query.Transform.Focus} transforms (the methods that must appear), for
     * views that count events rather than build trees (heatmaps, lanes, event lists).
     */
    public static void forEachFiltered(ProfileSnapshot snapshot, Selection selection, Visitor visitor) {
        forEachFilteredRow(snapshot, selection,
                (time, duration, thread, stack, value, _) -> visitor.visit(time, duration, thread, stack, value));
    }

    /** {@link #forEachFiltered} with each event's interval row. */
    public static void forEachFilteredRow(ProfileSnapshot snapshot, Selection selection, RowVisitor visitor) {
        StackFilter filter = StackFilter.of(snapshot, selection);
        if (filter == null) {
            forEachRow(snapshot, selection, visitor);
            return;
        }
        forEachRow(snapshot, selection, (time, duration, thread, stack, value, row) -> {
            if (filter.passes(stack)) {
                visitor.visit(time, duration, thread, stack, value, row);
            }
        });
    }

    /** Calls {@code visitor} for every selected event, segment by segment (time-ordered within each). */
    public static void forEach(ProfileSnapshot snapshot, Selection selection, Visitor visitor) {
        forEachRow(snapshot, selection,
                (time, duration, thread, stack, value, _) -> visitor.visit(time, duration, thread, stack, value));
    }

    private static void forEachRow(ProfileSnapshot snapshot, Selection selection, RowVisitor visitor) {
        boolean count = selection.measure() == Measure.COUNT;
        switch (selection.events()) {
            case EventSelector.OfKind(var kind) -> {
                DuringIntervals during = during(snapshot, selection);
                for (SampleTable table : snapshot.samples(kind)) {
                    samples(table, selection, during, count, visitor);
                }
            }
            case EventSelector.OfType(var type) -> {
                SampleTable table = snapshot.samples(type);
                if (table != null) {
                    samples(table, selection, during(snapshot, selection), count, visitor);
                } else {
                    intervals(snapshot.intervals(), snapshot.intervals().typeIndexOf(type), selection, count, visitor);
                }
            }
        }
    }

    private static DuringIntervals during(ProfileSnapshot snapshot, Selection selection) {
        return selection.duringType() == null ? null : DuringIntervals.of(snapshot, selection);
    }

    /** The samples in the range, or with {@code during} those inside its events instead. */
    private static void samples(SampleTable table, Selection selection, DuringIntervals during, boolean count,
                                RowVisitor visitor) {
        long start = during == null ? selection.fromNanos() : during.fromNanos();
        long end = during == null ? selection.toNanos() : during.toNanos();
        table.segments().forEachRange(start, end, (from, to) -> {
            for (int i = from; i < to; i++) {
                int thread = table.thread(i);
                if (selection.includesThread(thread) && (during == null || during.contains(thread, table.time(i)))) {
                    visitor.visit(table.time(i), 0, thread, table.stack(i), count ? 1 : table.weight(i), -1);
                }
            }
        });
    }

    private static void intervals(IntervalTable table, int type, Selection selection, boolean count,
                                  RowVisitor visitor) {
        if (type < 0) {
            return;
        }
        table.segments().forEachRange(selection.fromNanos(), selection.toNanos(), (from, to) -> {
            for (int i = from; i < to; i++) {
                int thread = table.thread(i);
                if (table.typeIndex(i) == type && selection.includesThread(thread)
                        && selection.includesDuration(table.duration(i))) {
                    visitor.visit(table.start(i), table.duration(i), thread, table.stack(i),
                            count ? 1 : table.duration(i), i);
                }
            }
        });
    }
}
