package dev.vitals.analysis.internal;

import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.SkippedRule;
import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.IUnit;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of Vitals' own rules, for what JMC 9.1.2 has none: evaluated over the same items as JMC's,
 * it gives a {@link Finding} or says why it could not run. Scores follow JMC's limits (Info from
 * {@link #INFO_SCORE}, Warning from {@link #WARNING_SCORE}).
 */
public sealed interface OwnRule permits SlowEventsRule, VirtualThreadPinningRule, LostCpuTimeSamplesRule {
    /** Vitals' own rules, in the order they are evaluated. */
    List<OwnRule> ALL = List.of(new SlowEventsRule(), new VirtualThreadPinningRule(), new LostCpuTimeSamplesRule());
    double INFO_SCORE = 25;
    double WARNING_SCORE = 75;

    /** The rule's id ({@code vitals.…}). */
    String id();

    /** The rule's result over a recording's items. */
    Outcome evaluate(IItemCollection items);

    /** What a rule gave: a finding, or why it could not run. */
    sealed interface Outcome {
        /** The rule ran. */
        record Ran(Finding finding) implements Outcome {
        }

        /** The rule could not run. */
        record Skipped(SkippedRule rule) implements Outcome {
        }
    }

    /**
     * The score of a share of something going wrong (pinned carrier time, lost samples): the share in
     * percent × 5, at most 100, so 5 % is Info and 15 % a Warning.
     */
    static double shareScore(double sharePercent) {
        return Math.min(100, sharePercent * 5);
    }

    /** The severity JMC's limits give a score. */
    static FindingSeverity severity(double score) {
        return score >= WARNING_SCORE ? FindingSeverity.WARNING
                : score >= INFO_SCORE ? FindingSeverity.INFO : FindingSeverity.OK;
    }

    /**
     * The accessor of an event field JMC's parser knows only by its name (fields JDKs added after
     * JMC 9.1.2, such as {@code jdk.VirtualThreadPinned}'s {@code carrierThread}), or {@code null}.
     */
    @SuppressWarnings("unchecked")
    static <M> IMemberAccessor<M, IItem> field(IType<IItem> type, String name) {
        for (Map.Entry<IAccessorKey<?>, ?> key : type.getAccessorKeys().entrySet()) {
            if (key.getKey().getIdentifier().equals(name)) {
                return (IMemberAccessor<M, IItem>) type.getAccessor(key.getKey());
            }
        }
        return null;
    }

    /** Whether the recording has events of the type, or had it enabled (none occurred). */
    static boolean recorded(IItemCollection items, String type) {
        EventAvailability availability = RulesToolkit.getEventAvailability(items, type);
        return availability == EventAvailability.AVAILABLE || availability == EventAvailability.ENABLED;
    }

    /** A quantity in {@code unit}, 0 when absent. */
    static long value(IQuantity q, IUnit unit) {
        return q == null ? 0 : q.clampedLongValueIn(unit);
    }

    /** A duration for the user: whole milliseconds from 10 ms, else two decimals. */
    static String millis(long nanos) {
        return nanos >= 10_000_000 ? nanos / 1_000_000 + " ms" : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    /**
     * The frame a stack blocked in on behalf of the application: its first frame outside the JDK
     * ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}), else its top
     * frame; {@code null} without frames.
     */
    static String applicationFrame(IMCStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return null;
        }
        for (IMCFrame frame : stack.getFrames()) {
            if (frame.getMethod() != null) {
                String name = EvidenceReader.frameName(frame.getMethod());
                if (!name.matches("(java|javax|jdk|sun|com\\.sun)\\..*")) {
                    return name;
                }
            }
        }
        IMCFrame top = stack.getFrames().getFirst();
        return top.getMethod() == null ? null : EvidenceReader.frameName(top.getMethod());
    }
}
