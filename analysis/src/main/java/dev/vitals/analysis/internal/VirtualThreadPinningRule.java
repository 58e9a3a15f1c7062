package dev.vitals.analysis.internal;

import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.SkippedRule;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Vitals' rule for virtual threads pinned to their carrier ({@code jdk.VirtualThreadPinned}: a
 * virtual thread that blocked where it could not unmount, below a native or VM frame such as a
 * class initializer, or in {@code synchronized} before JDK 24): how many such blocks, their total
 * time, and where and on which threads they happened most. Severity by the pinned time's share of
 * the carriers' time (the recording's span × the carrier threads seen, or 1 where the JDK does not
 * name the carrier): score = share in percent × 5 ({@link OwnRule#shareScore}), so 5 % is
 * Info and 15 % a Warning. Only blocks at least as long as the event's threshold are recorded, so
 * the totals are of those. The evidence: the span from the first pinned block to the end of the
 * last, the pinned threads (named ones), the event type, and the application frame of the stack
 * that was pinned longest in all.
 */
public record VirtualThreadPinningRule() implements OwnRule {
    /** The rule's id. */
    public static final String ID = "vitals.VirtualThreadPinning";
    static final String TYPE = "jdk.VirtualThreadPinned";
    private static final String NAME = "Pinned Virtual Threads";
    private static final int LISTED = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Outcome evaluate(IItemCollection items) {
        if (!OwnRule.recorded(items, TYPE)) {
            return new Outcome.Skipped(new SkippedRule(ID, NAME, "The recording has no " + TYPE + " events (virtual "
                    + "threads: JDK 21 or later).", List.of(TYPE), List.of(TYPE + "#enabled=true")));
        }
        long count = 0;
        long totalNanos = 0;
        long firstNanos = Long.MAX_VALUE;
        long lastNanos = Long.MIN_VALUE;
        Map<String, Long> byFrame = new HashMap<>();
        Map<String, Long> byThread = new HashMap<>();
        Set<String> carriers = new HashSet<>();
        for (IItemIterable iterable : items.apply(ItemFilters.type(TYPE))) {
            IMemberAccessor<IQuantity, IItem> start = JfrAttributes.START_TIME.getAccessor(iterable.getType());
            IMemberAccessor<IQuantity, IItem> duration = JfrAttributes.DURATION.getAccessor(iterable.getType());
            IMemberAccessor<IMCThread, IItem> thread = JfrAttributes.EVENT_THREAD.getAccessor(iterable.getType());
            IMemberAccessor<IMCStackTrace, IItem> stack = JfrAttributes.EVENT_STACKTRACE.getAccessor(iterable.getType());
            IMemberAccessor<IMCThread, IItem> carrier = OwnRule.field(iterable.getType(), "carrierThread");
            for (IItem item : iterable) {
                long from = OwnRule.value(start.getMember(item), UnitLookup.EPOCH_NS);
                long nanos = OwnRule.value(duration.getMember(item), UnitLookup.NANOSECOND);
                count++;
                totalNanos += nanos;
                firstNanos = Math.min(firstNanos, from);
                lastNanos = Math.max(lastNanos, from + nanos);
                String frame = stack == null ? null : OwnRule.applicationFrame(stack.getMember(item));
                if (frame != null) {
                    byFrame.merge(frame, nanos, Long::sum);
                }
                IMCThread t = thread == null ? null : thread.getMember(item);
                if (t != null && t.getThreadName() != null && !t.getThreadName().isEmpty()) {
                    byThread.merge(t.getThreadName(), nanos, Long::sum);
                }
                IMCThread c = carrier == null ? null : carrier.getMember(item);
                if (c != null) {
                    carriers.add(c.getThreadName());
                }
            }
        }
        if (count == 0) {
            return new Outcome.Ran(new Finding(ID, NAME, "threads", FindingSeverity.OK, 0,
                    "No virtual thread was pinned to its carrier for as long as the event's threshold.", "", "",
                    Evidence.NONE));
        }
        long spanNanos = Math.max(1, OwnRule.value(RulesToolkit.getLatestEndTime(items), UnitLookup.EPOCH_NS)
                - OwnRule.value(RulesToolkit.getEarliestStartTime(items), UnitLookup.EPOCH_NS));
        int carrierCount = Math.max(1, carriers.size());
        double sharePercent = 100.0 * totalNanos / ((double) spanNanos * carrierCount);
        double score = OwnRule.shareScore(sharePercent);
        String topFrame = top(byFrame, 1).stream().findFirst().orElse(null);
        String summary = String.format(Locale.ROOT, "%d pinned virtual-thread block%s took %s in all, %.1f %% of the "
                        + "time of %d carrier thread%s; most in %s%s.", count, count == 1 ? "" : "s", OwnRule.millis(totalNanos),
                sharePercent, carrierCount, carrierCount == 1 ? "" : "s",
                byFrame.isEmpty() ? "frames not recorded" : String.join(", ", top(byFrame, LISTED)),
                byThread.isEmpty() ? "" : " (threads " + String.join(", ", top(byThread, LISTED)) + ")");
        String explanation = "A virtual thread that blocks while pinned keeps its carrier (a platform thread of the "
                + "virtual-thread scheduler) blocked with it, so fewer virtual threads can run. On JDK 24 and later a "
                + "virtual thread is pinned while a native or VM frame is on its stack (a native method that calls "
                + "back into Java, a class initializer); before JDK 24 also inside synchronized.";
        String solution = "Select the finding to see the pinned stacks in the flame graph. Move blocking work out of "
                + "class initializers and native callbacks; on JDK 21–23 replace synchronized around blocking "
                + "calls with a ReentrantLock, or move to JDK 24 or later.";
        return new Outcome.Ran(new Finding(ID, NAME, "threads", OwnRule.severity(score), score, summary, explanation,
                solution, new Evidence(firstNanos, lastNanos, top(byThread, Integer.MAX_VALUE), TYPE, topFrame, null)));
    }

    /** The {@code n} keys with the largest values, largest first (ties by name). */
    private static List<String> top(Map<String, Long> totals, int n) {
        return totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(n).map(Map.Entry::getKey).collect(Collectors.toList());
    }
}
