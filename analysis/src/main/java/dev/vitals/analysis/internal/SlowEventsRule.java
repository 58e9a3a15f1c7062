package dev.vitals.analysis.internal;

import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.SkippedRule;
import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Vitals' own rule for what JMC has none for: an application's own duration events (any type
 * outside {@code jdk.*}, such as a request event) with outliers, events lasting at least
 * {@link #OUTLIER_RATIO} times their type's median. Its score is the slowest outlier's duration in
 * milliseconds / 4, at most 100, so with JMC's severity limits (info from 25, warning from 75) an
 * outlier of 100 ms is worth knowing and one of 300 ms a warning. The evidence is the slowest
 * event: its span, its thread, its type, and the method the thread ran most in it (the top frame
 * of most execution samples taken on that thread during the event), which is where the time went.
 */
public record SlowEventsRule() implements OwnRule {
    /** The rule's id. */
    public static final String ID = "vitals.SlowEvents";
    /** An event is an outlier from this many times its type's median duration. */
    static final int OUTLIER_RATIO = 5;
    private static final String NAME = "Slow Application Events";

    @Override
    public String id() {
        return ID;
    }

    /** The rule's finding over {@code items}; it cannot run when they hold no application duration events. */
    @Override
    public Outcome evaluate(IItemCollection items) {
        Map<String, List<Event>> byType = new HashMap<>();
        for (IItemIterable iterable : items) {
            IType<IItem> type = iterable.getType();
            IMemberAccessor<IQuantity, IItem> duration = JfrAttributes.DURATION.getAccessor(type);
            IMemberAccessor<IQuantity, IItem> start = JfrAttributes.START_TIME.getAccessor(type);
            if (type.getIdentifier().startsWith("jdk.") || duration == null || start == null) {
                continue;
            }
            IMemberAccessor<IMCThread, IItem> thread = JfrAttributes.EVENT_THREAD.getAccessor(type);
            List<Event> events = byType.computeIfAbsent(type.getIdentifier(), k -> new ArrayList<>());
            for (IItem item : iterable) {
                IMCThread t = thread == null ? null : thread.getMember(item);
                events.add(new Event(type.getIdentifier(), OwnRule.value(start.getMember(item), UnitLookup.EPOCH_NS),
                        OwnRule.value(duration.getMember(item), UnitLookup.NANOSECOND), t));
            }
        }
        if (byType.values().stream().allMatch(List::isEmpty)) {
            return new Outcome.Skipped(new SkippedRule(ID, NAME, "The recording has no duration events of the "
                    + "application's own (types outside jdk.*).", List.of(), List.of()));
        }
        Event slowest = null;
        long median = 0;
        int outliers = 0;
        for (List<Event> events : byType.values()) {
            long typeMedian = median(events);
            for (Event e : events) {
                if (e.durationNanos >= OUTLIER_RATIO * Math.max(1, typeMedian)) {
                    outliers++;
                    if (slowest == null || e.durationNanos > slowest.durationNanos) {
                        slowest = e;
                        median = typeMedian;
                    }
                }
            }
        }
        if (slowest == null) {
            return new Outcome.Ran(new Finding(ID, NAME, "application", FindingSeverity.OK, 0,
                    "No application event lasted " + OUTLIER_RATIO + " times its type's median or more.", "", "",
                    Evidence.NONE));
        }
        return new Outcome.Ran(outlierFinding(items, slowest, median, outliers));
    }

    private static Finding outlierFinding(IItemCollection items, Event slowest, long median, int outliers) {
        double score = Math.min(100, slowestMillis(slowest) / 4);
        FindingSeverity severity = OwnRule.severity(score);
        String thread = slowest.thread == null ? null : slowest.thread.getThreadName();
        String hottest = hottestMethod(items, slowest);
        String summary = String.format(Locale.ROOT, "%d application event%s lasted %d× their type's median or more; "
                        + "the slowest %s took %s (median %s)%s.", outliers, outliers == 1 ? "" : "s", OUTLIER_RATIO,
                slowest.type, OwnRule.millis(slowest.durationNanos), OwnRule.millis(median),
                thread == null ? "" : " on thread '" + thread + "'" + (hottest == null ? "" : ", mostly in " + hottest));
        String explanation = "Events the application records itself (requests, transactions, jobs) usually last "
                + "about as long as each other; one far slower than the median is a latency outlier its users notice. "
                + "The execution samples taken on the event's thread while it lasted show where its time went.";
        String solution = "Select the finding to see the slowest event's span and thread: the flame graph shows what "
                + "its thread ran during it. Look for work that only some events do (a cache miss, a lock, a batch).";
        return new Finding(ID, NAME, "application", severity, score, summary, explanation, solution,
                new Evidence(slowest.startNanos, slowest.startNanos + slowest.durationNanos,
                        thread == null ? List.of() : List.of(thread), slowest.type, hottest, null));
    }

    /** The top frame of most execution samples on the event's thread during it, or {@code null}. */
    private static String hottestMethod(IItemCollection items, Event event) {
        if (event.thread == null) {
            return null;
        }
        long end = event.startNanos + event.durationNanos;
        Map<String, Integer> counts = new HashMap<>();
        for (IItemIterable iterable : items.apply(ItemFilters.type("jdk.ExecutionSample"))) {
            IMemberAccessor<IMCThread, IItem> thread = JfrAttributes.EVENT_THREAD.getAccessor(iterable.getType());
            IMemberAccessor<IQuantity, IItem> time = JfrAttributes.END_TIME.getAccessor(iterable.getType());
            IMemberAccessor<IMCStackTrace, IItem> stack = JfrAttributes.EVENT_STACKTRACE.getAccessor(iterable.getType());
            if (thread == null || time == null || stack == null) {
                continue;
            }
            for (IItem item : iterable) {
                long at = OwnRule.value(time.getMember(item), UnitLookup.EPOCH_NS);
                IMCStackTrace trace = stack.getMember(item);
                if (at >= event.startNanos && at < end && event.thread.equals(thread.getMember(item)) && trace != null
                        && !trace.getFrames().isEmpty()) {
                    IMCFrame top = trace.getFrames().getFirst();
                    if (top.getMethod() != null) {
                        counts.merge(EvidenceReader.frameName(top.getMethod()), 1, Integer::sum);
                    }
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
    }

    private static long median(List<Event> events) {
        long[] durations = events.stream().mapToLong(e -> e.durationNanos).toArray();
        Arrays.sort(durations);
        return durations.length == 0 ? 0 : durations[durations.length / 2];
    }

    private static double slowestMillis(Event e) {
        return e.durationNanos / 1e6;
    }


    private record Event(String type, long startNanos, long durationNanos, IMCThread thread) {
    }
}
