package dev.vitals.model.alert;

import dev.vitals.model.session.AlertRule;

import java.util.Set;

/**
 * One firing of an {@link AlertRule}: where and by how much.
 *
 * @param rule      the rule that fired
 * @param fromNanos start of the window the rule saw, epoch nanos
 * @param toNanos   end of that window, not before {@code fromNanos}
 * @param value     what was measured: percent for CPU and heap rules, milliseconds for the others
 * @param threads   the threads (model thread indices) the firing concerns, empty for all threads
 */
public record AlertEvent(AlertRule rule, long fromNanos, long toNanos, double value, Set<Integer> threads) {
    public AlertEvent {
        threads = Set.copyOf(threads);
    }

    /** The measured value with its unit ("97 %", "300 ms"). */
    public String valueText() {
        return switch (rule) {
            case AlertRule.CpuAbove r -> String.format("%.0f %%", value);
            case AlertRule.HeapAfterGcAbove r -> String.format("%.1f %%", value);
            case AlertRule.GcPauseAbove r -> String.format("%.1f ms", value);
            case AlertRule.LatencyAbove r -> String.format("p99 %.1f ms", value);
            case AlertRule.ThreadBlocked r -> String.format("%.1f ms", value);
        };
    }

    /** One line for a notification or a bookmark: the rule's name and the value ("Slow requests: p99 300.4 ms"). */
    public String headline() {
        return rule.name() + ": " + valueText();
    }
}
