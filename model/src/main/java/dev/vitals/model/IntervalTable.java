package dev.vitals.model;

import dev.vitals.model.internal.IntView;
import dev.vitals.model.internal.LongView;
import dev.vitals.model.internal.ObjectView;

/**
 * Events that are not samples or series values: start (epoch nanos), duration (nanos, 0 for an
 * instant event), thread (-1 if none), stack (-1 if none), type (index into {@link #type(int)}s)
 * and the event's other fields as values: {@code Long}, {@code Double}, {@code Boolean},
 * {@code String} (threads, classes and other structured values as their names or text), or
 * {@code null}. Rows are sorted by start within each segment.
 */
public final class IntervalTable {
    private final LongView start;
    private final LongView duration;
    private final IntView thread;
    private final IntView stack;
    private final IntView type;
    private final ObjectView<Object[]> fields;
    private final ObjectView<EventTypeInfo> types;
    private final TimeSegments segments;
    private final long maxDuration;
    private final long[] lasting;

    /**
     * A view of the intervals (made by the model's writer); {@code lasting} holds, per type index,
     * the number of intervals of that type that last (owned by this view).
     */
    public IntervalTable(LongView start, LongView duration, IntView thread, IntView stack, IntView type,
                         ObjectView<Object[]> fields, ObjectView<EventTypeInfo> types, IntView segmentStart,
                         long maxDuration, long[] lasting) {
        this.start = start;
        this.duration = duration;
        this.thread = thread;
        this.stack = stack;
        this.type = type;
        this.fields = fields;
        this.types = types;
        this.segments = new TimeSegments(start, segmentStart);
        this.maxDuration = maxDuration;
        this.lasting = lasting;
    }

    /** The longest duration of any interval: intervals overlapping [from, to) start in [from - this, to). */
    public long maxDuration() {
        return maxDuration;
    }

    /** Number of intervals. */
    public int length() {
        return start.length();
    }

    public long start(int intervalIndex) {
        return start.get(intervalIndex);
    }

    public long duration(int intervalIndex) {
        return duration.get(intervalIndex);
    }

    /** start + duration. */
    public long end(int intervalIndex) {
        return start.get(intervalIndex) + duration.get(intervalIndex);
    }

    /** The event thread, -1 if none. */
    public int thread(int intervalIndex) {
        return thread.get(intervalIndex);
    }

    /** The stack, -1 if none. */
    public int stack(int intervalIndex) {
        return stack.get(intervalIndex);
    }

    /** The event type index. */
    public int typeIndex(int intervalIndex) {
        return type.get(intervalIndex);
    }

    /** The event's kept field values, in the order of its type's {@link EventTypeInfo#fieldNames()}. */
    public Object[] fields(int intervalIndex) {
        return fields.get(intervalIndex).clone();
    }

    /** One field value by name, or {@code null} if the type has no such field. */
    public Object field(int intervalIndex, String fieldName) {
        int f = types.get(type.get(intervalIndex)).fieldNames().indexOf(fieldName);
        return f < 0 ? null : fields.get(intervalIndex)[f];
    }

    /** Number of event types. */
    public int typeCount() {
        return types.length();
    }

    /** Number of intervals of the type at {@code typeIndex} that last (a duration above 0), kept as they are added. */
    public long lastingCount(int typeIndex) {
        return lasting[typeIndex];
    }

    /** The event type at {@code typeIndex}. */
    public EventTypeInfo type(int typeIndex) {
        return types.get(typeIndex);
    }

    /** The index of the named type, -1 if no interval has it. */
    public int typeIndexOf(String eventType) {
        for (int t = 0; t < types.length(); t++) {
            if (types.get(t).name().equals(eventType)) {
                return t;
            }
        }
        return -1;
    }

    /** The time index (by start). */
    public TimeSegments segments() {
        return segments;
    }
}
