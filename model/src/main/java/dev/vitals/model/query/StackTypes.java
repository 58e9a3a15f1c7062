package dev.vitals.model.query;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The event types a flame graph can be asked for, and which to show first: the sample types (in
 * order of first appearance), then the interval types whose events carry stacks (most events
 * first), or, in a recording where no event has a stack, every interval type. The first choice is the CPU samples; a recording without
 * them (an I/O recording holding only {@code jdk.FileRead} and {@code jdk.SocketWrite} events, say)
 * gets the sample type with the most samples, else the interval type with the most events with
 * stacks, else the one with the most events, rather than an empty flame graph and selector.
 *
 * @param types           the types to offer
 * @param preferred       the type to show first, {@code null} when the recording has no such events
 * @param cpu             whether the recording has CPU samples (then {@code preferred} is theirs)
 * @param preferredStacks whether the preferred type's events carry stacks (a flame graph can show them)
 */
public record StackTypes(List<String> types, String preferred, boolean cpu, boolean preferredStacks) {
    public StackTypes {
        types = List.copyOf(types);
    }

    /** The types of a snapshot: linear in its interval events. */
    public static StackTypes of(ProfileSnapshot snapshot) {
        List<String> types = new ArrayList<>();
        String cpuType = null;
        SampleTable most = null;
        for (SampleTable table : snapshot.samples()) {
            if (table.length() > 0) {
                types.add(table.eventType());
                cpuType = cpuType == null && table.kind() == SampleKind.CPU ? table.eventType() : cpuType;
                most = most == null || table.length() > most.length() ? table : most;
            }
        }
        IntervalTable intervals = snapshot.intervals();
        long[] events = new long[intervals.typeCount()];
        long[] withStacks = new long[intervals.typeCount()];
        for (int i = 0; i < intervals.length(); i++) {
            events[intervals.typeIndex(i)]++;
            if (intervals.stack(i) >= 0) {
                withStacks[intervals.typeIndex(i)]++;
            }
        }
        boolean anyStacks = most != null || Arrays.stream(withStacks).anyMatch(n -> n > 0);
        List<Integer> intervalTypes = new ArrayList<>();
        for (int t = 0; t < events.length; t++) {
            if (anyStacks ? withStacks[t] > 0 : events[t] > 0) {
                intervalTypes.add(t);
            }
        }
        intervalTypes.sort(Comparator.comparingLong((Integer t) -> events[t]).reversed()
                .thenComparing(t -> intervals.type(t).name()));
        intervalTypes.forEach(t -> types.add(intervals.type(t).name()));
        if (most != null) {
            return new StackTypes(types, cpuType != null ? cpuType : most.eventType(), cpuType != null, true);
        }
        if (intervalTypes.isEmpty()) {
            return new StackTypes(types, null, false, false);
        }
        int first = intervalTypes.getFirst();
        return new StackTypes(types, intervals.type(first).name(), false, withStacks[first] > 0);
    }
}
