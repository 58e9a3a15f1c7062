package dev.vitals.model;

import java.util.List;

/**
 * An immutable, consistent view of a {@link Profile} at one moment: every table as of the same
 * publish. Safe to share between threads; queries are pure functions of a snapshot.
 *
 * @param methods   interned methods
 * @param frames    interned frames
 * @param stacks    stacks as a prefix tree
 * @param threads   interned threads
 * @param samples   one table per sample event type, in order of first appearance
 * @param intervals every other event with a duration or a stack, with its fields
 * @param series    periodic values
 * @param info      recording metadata, counts and warnings
 */
public record ProfileSnapshot(MethodTable methods, FrameTable frames, StackTable stacks, ThreadTable threads,
                              List<SampleTable> samples, IntervalTable intervals, List<Series> series,
                              RecordingInfo info) {
    /** The sample table of an event type, or {@code null}. */
    public SampleTable samples(String eventType) {
        for (SampleTable table : samples) {
            if (table.eventType().equals(eventType)) {
                return table;
            }
        }
        return null;
    }

    /** The sample tables of one kind. */
    public List<SampleTable> samples(SampleKind kind) {
        return samples.stream().filter(t -> t.kind() == kind).toList();
    }

    /** The named series, or {@code null}. */
    public Series series(String name) {
        for (Series s : series) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Total number of samples over all sample tables. */
    public long sampleCount() {
        long n = 0;
        for (SampleTable table : samples) {
            n += table.length();
        }
        return n;
    }
}
