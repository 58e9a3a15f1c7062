package dev.vitals.model.alert.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.session.AlertRule;

import java.util.List;

/** The incremental state of one rule: where in the tables it got to, and what it carries over. */
public sealed interface Check permits CpuCheck, HeapCheck, LongEventCheck, LatencyCheck {
    /** Looks at the rows new since the last call and adds the firings found to {@code out}. */
    void advance(ProfileSnapshot snapshot, boolean complete, List<AlertEvent> out);

    /** The check for a rule. */
    static Check of(AlertRule rule) {
        return switch (rule) {
            case AlertRule.CpuAbove r -> new CpuCheck(r);
            case AlertRule.HeapAfterGcAbove r -> new HeapCheck(r);
            case AlertRule.GcPauseAbove r -> new LongEventCheck(r, "jdk.GCPhasePause", r.millis(), false);
            case AlertRule.ThreadBlocked r -> new LongEventCheck(r, "jdk.JavaMonitorEnter", r.millis(), true);
            case AlertRule.LatencyAbove r -> new LatencyCheck(r);
        };
    }
}
