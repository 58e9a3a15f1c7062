package dev.vitals.model;

import dev.vitals.model.internal.IntView;
import dev.vitals.model.internal.LongView;

/**
 * The samples of one JFR event type: time (epoch nanos), thread index, stack index (-1 if none) and
 * weight, as columns. Rows are sorted by time within each segment ({@link #segments()}). A sample
 * costs 24 bytes.
 */
public final class SampleTable {
    private final String eventType;
    private final SampleKind kind;
    private final LongView time;
    private final IntView thread;
    private final IntView stack;
    private final LongView weight;
    private final TimeSegments segments;

    /** A view of one sample table (made by the model's writer). */
    public SampleTable(String eventType, SampleKind kind, LongView time, IntView thread, IntView stack,
                       LongView weight, IntView segmentStart) {
        this.eventType = eventType;
        this.kind = kind;
        this.time = time;
        this.thread = thread;
        this.stack = stack;
        this.weight = weight;
        this.segments = new TimeSegments(time, segmentStart);
    }

    /** The JFR event type of these samples. */
    public String eventType() {
        return eventType;
    }

    /** The kind of samples. */
    public SampleKind kind() {
        return kind;
    }

    /** Number of samples. */
    public int length() {
        return time.length();
    }

    /** The sample's time in nanoseconds since the epoch. */
    public long time(int sampleIndex) {
        return time.get(sampleIndex);
    }

    /** The sampled thread's index. */
    public int thread(int sampleIndex) {
        return thread.get(sampleIndex);
    }

    /** The sample's stack, -1 if it has none. */
    public int stack(int sampleIndex) {
        return stack.get(sampleIndex);
    }

    /** The sample's weight (1, bytes, or a sample count, by {@link #kind()}). */
    public long weight(int sampleIndex) {
        return weight.get(sampleIndex);
    }

    /** The time index. */
    public TimeSegments segments() {
        return segments;
    }
}
