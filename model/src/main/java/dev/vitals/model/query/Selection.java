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
 * filter, plus a stack of {@link Transform}s. Immutable; the {@code with…} methods return changed
 * copies.
 *
 * @param fromNanos   start of the range, epoch nanos, inclusive ({@link Long#MIN_VALUE}: open)
 * @param toNanos     end of the range, exclusive ({@link Long#MAX_VALUE}: open)
 * @param threads     thread indices to keep; empty means all threads
 * @param events      which events are counted
 * @param frameFilter a frame name ("pkg.Class.method") that must appear in a stack, or {@code null}
 * @param transforms  applied to each stack in order, after the frame filter
 * @param measure     what is added up per event
 */
public record Selection(long fromNanos, long toNanos, Set<Integer> threads, EventSelector events, String frameFilter,
                        List<Transform> transforms, Measure measure) {
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
        return new Selection(Long.MIN_VALUE, Long.MAX_VALUE, Set.of(), events, null, List.of(), Measure.WEIGHT);
    }

    public Selection withRange(long from, long to) {
        return new Selection(from, to, threads, events, frameFilter, transforms, measure);
    }

    public Selection withThreads(Set<Integer> threadIndices) {
        return new Selection(fromNanos, toNanos, threadIndices, events, frameFilter, transforms, measure);
    }

    public Selection withEvents(EventSelector selector) {
        return new Selection(fromNanos, toNanos, threads, selector, frameFilter, transforms, measure);
    }

    public Selection withFrameFilter(String frameName) {
        return new Selection(fromNanos, toNanos, threads, events, frameName, transforms, measure);
    }

    public Selection withMeasure(Measure m) {
        return new Selection(fromNanos, toNanos, threads, events, frameFilter, transforms, m);
    }

    /** This selection with {@code transform} pushed on top of the transform stack. */
    public Selection push(Transform transform) {
        List<Transform> more = new ArrayList<>(transforms);
        more.add(transform);
        return new Selection(fromNanos, toNanos, threads, events, frameFilter, more, measure);
    }

    /** This selection without its last transform (unchanged if there is none). */
    public Selection pop() {
        return transforms.isEmpty() ? this : new Selection(fromNanos, toNanos, threads, events, frameFilter,
                transforms.subList(0, transforms.size() - 1), measure);
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
