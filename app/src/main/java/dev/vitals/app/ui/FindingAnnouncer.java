package dev.vitals.app.ui;

import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a live session announces of each evaluation of its findings, as it does alert episodes: the
 * findings at Info or worse that the previous evaluation did not have, or had less severe, appeared
 * (each is bookmarked); while {@code wanted} says so, one desktop notification tells of them, at
 * most one per {@link NotificationLimit#INTERVAL_NANOS} (those held back are counted in the next).
 * A finding that keeps its severity is not announced again; one that went away and comes back is.
 * Lives on the FX thread.
 */
final class FindingAnnouncer {
    private final BooleanSupplier wanted;
    private final NotificationLimit limit = new NotificationLimit();
    private Findings previous;

    /** @param wanted whether finding notifications are wanted (the preference), asked at each evaluation */
    FindingAnnouncer(BooleanSupplier wanted) {
        this.wanted = wanted;
    }

    /** What to announce of the findings of an evaluation that finished at {@code nowNanos} ({@link System#nanoTime()}). */
    Announcement next(Findings now, long nowNanos) {
        List<Finding> appeared = new ArrayList<>();
        for (Finding f : now.atLeast(FindingSeverity.INFO)) {
            Finding old = previous == null ? null : previous.of(f.ruleId());
            if (old == null || old.severity().compareTo(f.severity()) < 0) {
                appeared.add(f);
            }
        }
        previous = now;
        boolean notify = !appeared.isEmpty() && wanted.getAsBoolean() && limit.allow(nowNanos, appeared.size());
        return new Announcement(List.copyOf(appeared), notify, notify ? limit.takeHeld() : 0);
    }

    /**
     * @param appeared the findings that appeared or worsened, worst first
     * @param notification whether a desktop notification tells of them
     * @param held     with a notification, how many findings were held back since the last one
     */
    record Announcement(List<Finding> appeared, boolean notification, int held) {
    }
}
