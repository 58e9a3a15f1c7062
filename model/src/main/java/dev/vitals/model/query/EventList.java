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
import java.util.Objects;

/**
/**
 * The events of a selection as rows for the event table: interval events with their fields, or
 * samples (no fields). Honours the range, threads, event selector, frame filter and focus
 * transforms. The rows are the first of the whole selection in the order asked for (by default
 * earliest first), so a list bounded for the eye still answers "which were the longest".
 *
 * @param rows  at most the limit asked for, in the order asked for
 * @param total number of matching events (may exceed rows.size())
 */
public record EventList(List<Row> rows, long total) {
    private static final Object[] NO_KEYS = {};

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
        return of(snapshot, selection, EventOrder.EARLIEST, limit);
    }

    /**
     * The first {@code limit} events of the whole selection in {@code order} (ties by start time),
     * listed in that order.
     */
    public static EventList of(ProfileSnapshot snapshot, Selection selection, List<EventOrder> order, int limit) {
        IntervalTable intervals = snapshot.intervals();
        String type = selection.events() instanceof EventSelector.OfType(var t) ? t : null;
        boolean withFields = type != null && snapshot.samples(type) == null;
        List<String> keyFields = order.stream()
                .map(o -> o.key() instanceof EventOrder.Key.Field(var name) ? name : null).toList();
        boolean fieldKeys = withFields && keyFields.stream().anyMatch(Objects::nonNull);
        List<Hit> hits = new ArrayList<>();
        SelectedEvents.forEachFiltered(snapshot, selection, (time, duration, thread, stack, value) -> {
            Map<String, Object> fields = fieldKeys ? fieldsOf(intervals, type, time, duration, thread, stack) : Map.of();
            Object[] keys = fieldKeys ? keyFields.stream().map(f -> f == null ? null : fields.get(f)).toArray() : NO_KEYS;
            hits.add(new Hit(time, duration, thread, thread < 0 ? "" : snapshot.threads().name(thread), stack, value,
                    keys));
        });
        hits.sort(comparator(order));
        List<Row> rows = new ArrayList<>();
        for (Hit h : hits.subList(0, Math.min(limit, hits.size()))) {
            rows.add(new Row(h.time, h.duration, h.thread, h.threadName, h.stack, h.value,
                    withFields ? fieldsOf(intervals, type, h.time, h.duration, h.thread, h.stack) : Map.of()));
        }
        return new EventList(List.copyOf(rows), hits.size());
    }

    /**
     * A selected event while the list is picked; {@code keys} holds the values of the order's field
     * keys by their place in the order (empty when the order has none, or the events no fields).
     */
    private record Hit(long time, long duration, int thread, String threadName, int stack, long value, Object[] keys) {
        Object key(int keyIndex) {
            return keyIndex < keys.length ? keys[keyIndex] : null;
        }
    }

    private static Comparator<Hit> comparator(List<EventOrder> order) {
        Comparator<Hit> c = (a, b) -> 0;
        for (int k = 0; k < order.size(); k++) {
            int keyIndex = k;
            Comparator<Hit> key = switch (order.get(k).key()) {
                case EventOrder.Key.Start s -> Comparator.comparingLong(Hit::time);
                case EventOrder.Key.Duration d -> Comparator.comparingLong(Hit::duration);
                case EventOrder.Key.Thread t -> Comparator.comparing(Hit::threadName);
                case EventOrder.Key.Field f -> (a, b) -> compareValues(a.key(keyIndex), b.key(keyIndex));
            };
            c = c.thenComparing(order.get(k).descending() ? key.reversed() : key);
        }
        return c.thenComparingLong(Hit::time);
    }

    /** Missing values first, then values of one kind by their natural order, else as text. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
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

    /** Finds the interval row of an event (same start, duration, thread, stack and type) to read its fields. */
    private static Map<String, Object> fieldsOf(IntervalTable intervals, String type, long start, long duration,
                                                int thread, int stack) {
        int typeIndex = intervals.typeIndexOf(type);
        Map<String, Object> fields = new LinkedHashMap<>();
        int[] found = {-1};
        intervals.segments().forEachRange(start, start + 1, (lo, hi) -> {
            for (int i = lo; i < hi && found[0] < 0; i++) {
                if (intervals.typeIndex(i) == typeIndex && intervals.thread(i) == thread && intervals.stack(i) == stack
                        && intervals.duration(i) == duration) {
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
