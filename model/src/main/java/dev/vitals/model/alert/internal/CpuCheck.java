package dev.vitals.model.alert.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Series;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.session.AlertRule;

import java.util.List;
import java.util.Set;

/**
 * JVM CPU (user + system of each {@code jdk.CPULoad}) above the threshold: each value stands for
 * the time since the value before it, so a run of high values starts at the last value below.
 * Fires once per run, when the run reaches the rule's duration.
 */
final class CpuCheck implements Check {
    private static final long NONE = Long.MIN_VALUE;

    private final AlertRule.CpuAbove rule;
    private final long durationNanos;
    private int nextRow;
    private long previousTime = NONE;
    private long runStart = NONE;
    private double runSum;
    private int runCount;
    private boolean fired;

    CpuCheck(AlertRule.CpuAbove rule) {
        this.rule = rule;
        this.durationNanos = Math.round(rule.seconds() * 1e9);
    }

    @Override
    public void advance(ProfileSnapshot snapshot, boolean complete, List<AlertEvent> out) {
        Series user = snapshot.series("jdk.CPULoad.jvmUser");
        Series system = snapshot.series("jdk.CPULoad.jvmSystem");
        if (user == null || system == null) {
            return;
        }
        int rows = Math.min(user.length(), system.length());
        for (; nextRow < rows; nextRow++) {
            long time = user.time(nextRow);
            double percent = 100 * (user.value(nextRow) + system.value(nextRow));
            if (percent > rule.percent()) {
                if (runStart == NONE) {
                    runStart = previousTime == NONE ? time : previousTime;
                    runSum = 0;
                    runCount = 0;
                    fired = false;
                }
                runSum += percent;
                runCount++;
                if (!fired && time - runStart >= durationNanos) {
                    fired = true;
                    out.add(new AlertEvent(rule, runStart, time, runSum / runCount, Set.of()));
                }
            } else {
                runStart = NONE;
            }
            previousTime = time;
        }
    }
}
