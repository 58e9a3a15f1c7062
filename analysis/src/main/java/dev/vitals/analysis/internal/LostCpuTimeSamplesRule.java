package dev.vitals.analysis.internal;

import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.SkippedRule;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

import java.util.List;
import java.util.Locale;

/**
 * Vitals' rule for JDK 25's CPU-time sampler ({@code jdk.CPUTimeSample}, Linux): the samples it
 * lost ({@code jdk.CPUTimeSamplesLost}, each with a {@code lostSamples} count, when its queue was
 * full or a stack could not be walked), as a share of the samples taken (recorded + lost). A CPU
 * profile with many lost samples under-counts exactly the busiest moments. Score = lost share in
 * percent × 5 ({@link OwnRule#shareScore}): 5 % lost is Info, 15 % a Warning. It cannot run
 * without the sampler (off by default; JDK 25 or later on Linux) or without the lost-sample events.
 * The evidence: the span from the first loss to the last, and the sample event type.
 */
public record LostCpuTimeSamplesRule() implements OwnRule {
    /** The rule's id. */
    public static final String ID = "vitals.LostCpuTimeSamples";
    static final String SAMPLES = "jdk.CPUTimeSample";
    static final String LOST = "jdk.CPUTimeSamplesLost";
    private static final String NAME = "Lost CPU-Time Samples";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Outcome evaluate(IItemCollection items) {
        if (!OwnRule.recorded(items, SAMPLES)) {
            return new Outcome.Skipped(new SkippedRule(ID, NAME, "The recording has no " + SAMPLES + " events (JDK 25's "
                    + "CPU-time sampler, on Linux, is off unless enabled).", List.of(SAMPLES),
                    List.of(SAMPLES + "#enabled=true", SAMPLES + "#throttle=10ms")));
        }
        if (!OwnRule.recorded(items, LOST)) {
            return new Outcome.Skipped(new SkippedRule(ID, NAME, "The recording has no " + LOST + " events.",
                    List.of(LOST), List.of(LOST + "#enabled=true")));
        }
        long taken = items.apply(ItemFilters.type(SAMPLES)).stream().mapToLong(IItemIterable::getItemCount).sum();
        long lost = 0;
        long firstNanos = Long.MAX_VALUE;
        long lastNanos = Long.MIN_VALUE;
        for (IItemIterable iterable : items.apply(ItemFilters.type(LOST))) {
            IMemberAccessor<IQuantity, IItem> start = JfrAttributes.START_TIME.getAccessor(iterable.getType());
            IMemberAccessor<IQuantity, IItem> count = OwnRule.field(iterable.getType(), "lostSamples");
            for (IItem item : iterable) {
                long n = count == null ? 0 : OwnRule.value(count.getMember(item), UnitLookup.NUMBER_UNITY);
                long at = OwnRule.value(start.getMember(item), UnitLookup.EPOCH_NS);
                lost += n;
                firstNanos = Math.min(firstNanos, at);
                lastNanos = Math.max(lastNanos, at);
            }
        }
        if (lost == 0) {
            return new Outcome.Ran(new Finding(ID, NAME, "method_profiling", FindingSeverity.OK, 0, String.format(Locale.ROOT,
                    "The CPU-time sampler lost none of its %,d samples.", taken), "", "", new Evidence(Long.MIN_VALUE,
                    Long.MAX_VALUE, List.of(), SAMPLES, null, null)));
        }
        double sharePercent = 100.0 * lost / (lost + taken);
        double score = OwnRule.shareScore(sharePercent);
        String summary = String.format(Locale.ROOT, "The CPU-time sampler lost %,d of %,d samples (%.1f %%).", lost,
                lost + taken, sharePercent);
        String explanation = "JDK 25's CPU-time sampler queues a sample per thread and CPU-time interval and walks "
                + "the stacks later; when the queue is full, or a stack cannot be walked, samples are lost and counted "
                + "in jdk.CPUTimeSamplesLost. The CPU profile then under-counts the busiest threads and moments.";
        String solution = "Sample less often (a larger jdk.CPUTimeSample#throttle, such as 20ms), or read the lost "
                + "span's CPU profile with that in mind.";
        return new Outcome.Ran(new Finding(ID, NAME, "method_profiling", OwnRule.severity(score), score, summary,
                explanation, solution, new Evidence(firstNanos, lastNanos + 1, List.of(), SAMPLES, null, null)));
    }
}
