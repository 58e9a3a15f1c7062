package dev.vitals.model.query;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What every view shows: a time range × a thread set × the events of one kind or type × a frame
 * filter, plus a stack of {@link Transform}s, and for interval events a duration range (a latency
 * heatmap cell). Immutable; the {@code with…} methods return changed copies. The duration range
 * applies only to interval events: samples have no duration and pass it. With a {@code duringType}
 * the samples are bounded by that type's events instead of the range: only samples taken on an
 * event's thread while the event ran, of the events that start in the range, on the threads, with
 * a duration in the duration range (a latency cell's events: its flame graph shows what their
 * threads ran while they lasted).
 *
 * @param fromNanos   start of the range, epoch nanos, inclusive ({@link Long#MIN_VALUE}: open)
 * @param toNanos     end of the range, exclusive ({@link Long#MAX_VALUE}: open)
 * @param threads     thread indices to keep; empty means all threads
 * @param events      which events are counted
 * @param frameFilter a frame name ("pkg.Class.method") that must appear in a stack, or {@code null}
 * @param transforms  applied to each stack in order, after the frame filter
 * @param measure     what is added up per event
 * @param minDurationNanos shortest interval event kept, inclusive (0: no bound)
 * @param maxDurationNanos longest interval event kept, exclusive ({@link Long#MAX_VALUE}: open)
 * @param duringType  an interval event type whose selected events bound the samples, or {@code null}
 */
public record Selection(long fromNanos, long toNanos, Set<Integer> threads, EventSelector events, String frameFilter,
                        List<Transform> transforms, Measure measure, long minDurationNanos, long maxDurationNanos,
                        String duringType) {
    public Selection {
        threads = Set.copyOf(threads);
        transforms = List.copyOf(transforms);
    }

    /** All CPU samples, whole recording, all threads, weighted. */
    public static Selection cpu() {
        return of(new EventSelector.OfKind(SampleKind.CPU));
    }

    /** All events of the selector, whole recording, all threads, weighted, no filter. */
    public static Selection of(EventSelector events) {
        return new Selection(Long.MIN_VALUE, Long.MAX_VALUE, Set.of(), events, null, List.of(), Measure.WEIGHT, 0,
                Long.MAX_VALUE, null);
    }

    public Selection withRange(long from, long to) {
        return new Selection(from, to, threads, events, frameFilter, transforms, measure,
                minDurationNanos, maxDurationNanos, duringType);
    }

    public Selection withThreads(Set<Integer> threadIndices) {
        return new Selection(fromNanos, toNanos, threadIndices, events, frameFilter, transforms, measure,
                minDurationNanos, maxDurationNanos, duringType);
    }

    public Selection withEvents(EventSelector selector) {
        return new Selection(fromNanos, toNanos, threads, selector, frameFilter, transforms, measure,
                minDurationNanos, maxDurationNanos, duringType);
    }

    public Selection withFrameFilter(String frameName) {
        return new Selection(fromNanos, toNanos, threads, events, frameName, transforms, measure, minDurationNanos,
                maxDurationNanos, duringType);
    }

    public Selection withMeasure(Measure m) {
        return new Selection(fromNanos, toNanos, threads, events, frameFilter, transforms, m,
                minDurationNanos, maxDurationNanos, duringType);
    }

    /** This selection with {@code transform} pushed on top of the transform stack. */
    public Selection push(Transform transform) {
        List<Transform> more = new ArrayList<>(transforms);
        more.add(transform);
        return new Selection(fromNanos, toNanos, threads, events, frameFilter, more, measure,
                minDurationNanos, maxDurationNanos, duringType);
    }

    /** This selection without its last transform (unchanged if there is none). */
    public Selection pop() {
        return transforms.isEmpty() ? this : new Selection(fromNanos, toNanos, threads, events, frameFilter,
                transforms.subList(0, transforms.size() - 1), measure, minDurationNanos, maxDurationNanos, duringType);
    }

    /** Only interval events lasting from {@code min} (inclusive) to {@code max} (exclusive); 0, MAX_VALUE: all. */
    public Selection withDurations(long min, long max) {
        return new Selection(fromNanos, toNanos, threads, events, frameFilter, transforms, measure, min, max,
                duringType);
    }

    /** Samples only inside the selected events of this interval type ({@code null}: bounded by the range). */
    public Selection withDuring(String intervalType) {
        return new Selection(fromNanos, toNanos, threads, events, frameFilter, transforms, measure, minDurationNanos,
                maxDurationNanos, intervalType);
    }

    /**
     * This selection over a time range of all events: the range set, the duration range and the
     * bounding event type dropped (what a drag across a chart or the timeline selects).
     */
    public Selection withTimeRange(long from, long to) {
        return new Selection(from, to, threads, events, frameFilter, transforms, measure, 0, Long.MAX_VALUE, null);
    }

    /** True if the selection narrows interval events by their duration. */
    public boolean hasDurationRange() {
        return minDurationNanos > 0 || maxDurationNanos != Long.MAX_VALUE;
    }

    /** True if an interval event of this duration passes the duration range. */
    public boolean includesDuration(long durationNanos) {
        return durationNanos >= minDurationNanos && durationNanos < maxDurationNanos;
    }

    /** True if a thread index passes the thread filter. */
    public boolean includesThread(int threadIndex) {
        return threads.isEmpty() || threads.contains(threadIndex);
    }

    /**
     * The indices of the threads whose name matches {@code regex} (found anywhere in the name); if
     * none does, a set that matches no thread ({-1}), never the empty "all threads" set.
     */
    public static Set<Integer> threadsMatching(ProfileSnapshot snapshot, String regex) {
        Pattern pattern = Pattern.compile(regex);
        Set<Integer> matching = new TreeSet<>();
        for (int t = 0; t < snapshot.threads().length(); t++) {
            if (pattern.matcher(snapshot.threads().name(t)).find()) {
                matching.add(t);
            }
        }
        return matching.isEmpty() ? Set.of(-1) : matching;
    }
}
