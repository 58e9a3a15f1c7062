package dev.vitals.model.alert.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Series;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.jfr.internal.SeriesSpec;
import dev.vitals.model.session.AlertRule;

import java.util.List;
import java.util.Set;

/**
 * Heap used after GC as a percentage of the maximum or committed heap at that GC (the series of
 * {@code jdk.GCHeapSummary} "After GC", whose rows line up). Fires at the first GC of each run of
 * GCs over the threshold; the window is the time since the GC before (what filled the heap).
 */
final class HeapCheck implements Check {
    private final AlertRule.HeapAfterGcAbove rule;
    private int nextRow;
    private long previousTime = Long.MIN_VALUE;
    private boolean inRun;

    HeapCheck(AlertRule.HeapAfterGcAbove rule) {
        this.rule = rule;
    }

    @Override
    public void advance(ProfileSnapshot snapshot, boolean complete, List<AlertEvent> out) {
        Series used = snapshot.series(SeriesSpec.HEAP_AFTER_GC);
        Series base = snapshot.series(switch (rule.of()) {
            case MAX -> SeriesSpec.MAX_AFTER_GC;
            case COMMITTED -> SeriesSpec.COMMITTED_AFTER_GC;
        });
        if (used == null || base == null) {
            return;
        }
        int rows = Math.min(used.length(), base.length());
        for (; nextRow < rows; nextRow++) {
            long time = used.time(nextRow);
            double percent = base.value(nextRow) > 0 ? 100 * used.value(nextRow) / base.value(nextRow) : 0;
            if (percent > rule.percent()) {
                if (!inRun) {
                    long from = previousTime == Long.MIN_VALUE ? Math.min(time, snapshot.info().startNanos()) : previousTime;
                    out.add(new AlertEvent(rule, from, time, percent, Set.of()));
                }
                inRun = true;
            } else {
                inRun = false;
            }
            previousTime = time;
        }
    }
}
