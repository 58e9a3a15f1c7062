package dev.vitals.model.query;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.StackTable;
import dev.vitals.model.query.internal.SelectedEvents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
     * listed in that order. Only the best {@code limit} are kept while the selection is walked, so a
     * long selection costs one pass, not a sort of all its events.
     */
    public static EventList of(ProfileSnapshot snapshot, Selection selection, List<EventOrder> order, int limit) {
        IntervalTable intervals = snapshot.intervals();
        String type = selection.events() instanceof EventSelector.OfType(var t) ? t : null;
        boolean withFields = type != null && snapshot.samples(type) == null;
        List<String> names = withFields && intervals.typeIndexOf(type) >= 0
                ? intervals.type(intervals.typeIndexOf(type)).fieldNames() : List.of();
        int[] keyFields = order.stream()
                .mapToInt(o -> o.key() instanceof EventOrder.Key.Field(var name) ? names.indexOf(name) : -1).toArray();
        boolean fieldKeys = Arrays.stream(keyFields).anyMatch(f -> f >= 0);
        Comparator<Hit> comparator = comparator(order, snapshot);
        PriorityQueue<Hit> best = new PriorityQueue<>(Math.max(1, Math.min(limit, 1 << 16)), comparator.reversed());
        long[] total = {0};
        SelectedEvents.forEachFilteredRow(snapshot, selection, (time, duration, thread, stack, value, row) -> {
            total[0]++;
            if (limit <= 0) {
                return;
            }
            Object[] keys = fieldKeys && row >= 0 ? keysOf(intervals.fields(row), keyFields) : NO_KEYS;
            Hit hit = new Hit(time, duration, thread, stack, value, row, keys);
            if (best.size() < limit) {
                best.add(hit);
            } else if (comparator.compare(hit, best.peek()) < 0) {
                best.poll();
                best.add(hit);
            }
        });
        List<Hit> hits = new ArrayList<>(best);
        hits.sort(comparator);
        List<Row> rows = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            rows.add(new Row(h.time, h.duration, h.thread, threadName(snapshot, h.thread), h.stack, h.value,
                    withFields && h.row >= 0 ? fieldsOf(names, intervals.fields(h.row)) : Map.of()));
        }
        return new EventList(List.copyOf(rows), total[0]);
    }

    /**
     * A selected event while the list is picked; {@code keys} holds the values of the order's field
     * keys by their place in the order (empty when the order has none, or the events no fields).
     */
    private record Hit(long time, long duration, int thread, int stack, long value, int row, Object[] keys) {
        Object key(int keyIndex) {
            return keyIndex < keys.length ? keys[keyIndex] : null;
        }
    }

    private static Object[] keysOf(Object[] values, int[] keyFields) {
        Object[] keys = new Object[keyFields.length];
        for (int k = 0; k < keyFields.length; k++) {
            keys[k] = keyFields[k] >= 0 ? values[keyFields[k]] : null;
        }
        return keys;
    }

    private static String threadName(ProfileSnapshot snapshot, int thread) {
        return thread < 0 ? "" : snapshot.threads().name(thread);
    }

    private static Comparator<Hit> comparator(List<EventOrder> order, ProfileSnapshot snapshot) {
        Comparator<Hit> c = (a, b) -> 0;
        for (int k = 0; k < order.size(); k++) {
            int keyIndex = k;
            Comparator<Hit> key = switch (order.get(k).key()) {
                case EventOrder.Key.Start s -> Comparator.comparingLong(Hit::time);
                case EventOrder.Key.Duration d -> Comparator.comparingLong(Hit::duration);
                case EventOrder.Key.Thread t -> Comparator.comparing(h -> threadName(snapshot, h.thread()));
                case EventOrder.Key.Field f -> (a, b) -> compareValues(a.key(keyIndex), b.key(keyIndex));
            };
            c = c.thenComparing(order.get(k).descending() ? key.reversed() : key);
        }
        return c.thenComparingLong(Hit::time).thenComparingInt(Hit::row);
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

    /** An interval's field values by name, in its type's field order. */
    private static Map<String, Object> fieldsOf(List<String> names, Object[] values) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int f = 0; f < names.size(); f++) {
            fields.put(names.get(f), values[f]);
        }
        return fields;
    }
}
