package dev.vitals.model.query;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.StackTable;
import dev.vitals.model.query.internal.SelectedEvents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of a selection as rows for the event table, sorted by start time: interval events
 * with their fields, or samples (no fields). Honours the range, threads, event selector, frame
 * filter and focus transforms.
 *
 * @param rows  at most the limit asked for, earliest first
 * @param total number of matching events (may exceed rows.size())
 */
public record EventList(List<Row> rows, long total) {
    /**
     * One event.
     *
     * @param startNanos    epoch nanos
     * @param durationNanos 0 for samples and instant events
     * @param threadIndex   -1 if none
     * @param thread        thread name, "" if none
     * @param stackIndex    -1 if none
     * @param value         the selection's measure for the event
     * @param fields        field name → value (intervals; empty for samples)
     */
    public record Row(long startNanos, long durationNanos, int threadIndex, String thread, int stackIndex, long value,
                      Map<String, Object> fields) {
    }

    /** The first {@code limit} events of the selection by start time. */
    public static EventList of(ProfileSnapshot snapshot, Selection selection, int limit) {
        List<long[]> hits = new ArrayList<>();
        SelectedEvents.forEachFiltered(snapshot, selection, (time, duration, thread, stack, value) ->
                hits.add(new long[] {time, duration, thread, stack, value}));
        hits.sort(Comparator.comparingLong(h -> h[0]));
        IntervalTable intervals = snapshot.intervals();
        String type = selection.events() instanceof EventSelector.OfType(var t) ? t : null;
        boolean withFields = type != null && snapshot.samples(type) == null;
        List<Row> rows = new ArrayList<>();
        for (long[] h : hits.subList(0, Math.min(limit, hits.size()))) {
            int thread = (int) h[2];
            Map<String, Object> fields = withFields ? fieldsOf(intervals, type, h) : Map.of();
            rows.add(new Row(h[0], h[1], thread, thread < 0 ? "" : snapshot.threads().name(thread), (int) h[3], h[4],
                    fields));
        }
        return new EventList(List.copyOf(rows), hits.size());
    }

    /** The frame names of a stack, leaf first (as the event table shows them), up to {@code max}. */
    public static List<String> frames(ProfileSnapshot snapshot, int stackIndex, int max) {
        List<String> out = new ArrayList<>();
        StackTable stacks = snapshot.stacks();
        for (int s = stackIndex; s >= 0 && out.size() < max; s = stacks.parent(s)) {
            out.add(snapshot.methods().frameName(snapshot.frames().method(stacks.frame(s))));
        }
        return out;
    }

    /** Finds the interval row of a hit (same start, thread, stack and type) to read its fields. */
    private static Map<String, Object> fieldsOf(IntervalTable intervals, String type, long[] hit) {
        int typeIndex = intervals.typeIndexOf(type);
        Map<String, Object> fields = new LinkedHashMap<>();
        int[] found = {-1};
        intervals.segments().forEachRange(hit[0], hit[0] + 1, (lo, hi) -> {
            for (int i = lo; i < hi && found[0] < 0; i++) {
                if (intervals.typeIndex(i) == typeIndex && intervals.thread(i) == hit[2] && intervals.stack(i) == hit[3]
                        && intervals.duration(i) == hit[1]) {
                    found[0] = i;
                }
            }
        });
        if (found[0] >= 0) {
            List<String> names = intervals.type(typeIndex).fieldNames();
            Object[] values = intervals.fields(found[0]);
            for (int f = 0; f < names.size(); f++) {
                fields.put(names.get(f), values[f]);
            }
        }
        return fields;
    }
}
