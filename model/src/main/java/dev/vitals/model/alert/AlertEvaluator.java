package dev.vitals.model.alert;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.alert.internal.Check;
import dev.vitals.model.session.AlertRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates alert rules over a profile, incrementally: each {@link #advance} looks only at the
 * series values and interval events appended since the previous call (the model's tables are
 * append-only, so a later snapshot of the same profile extends an earlier one) and returns the
 * firings found in them. Windowed rules (p99 in N s) decide a window once the data have passed its
 * end by {@link #GRACE_NANOS} (events arrive up to a flush late), or at once when the data are
 * complete. Not thread-safe: one evaluator per profile, called from one thread at a time.
 *
 * <p>What fires, per rule: CPU once per run of high {@code jdk.CPULoad} values that reaches the
 * duration (window: the run so far); heap after GC once per run of such GCs (window: since the
 * GC before); each GC pause or monitor-enter event over the threshold (window: the event, with
 * its thread); each window whose p99 is over the threshold (window: the slow events in it, with
 * their threads).
 */
public final class AlertEvaluator {
    /** How far the data must have passed the end of a window before the window is decided. */
    public static final long GRACE_NANOS = 2_000_000_000L;

    private final List<Check> checks;

    /** An evaluator of the enabled rules among {@code rules}. */
    public AlertEvaluator(List<AlertRule> rules) {
        checks = rules.stream().filter(AlertRule::enabled).map(Check::of).toList();
    }

    /** Every firing in a whole, finished recording. */
    public static List<AlertEvent> evaluate(ProfileSnapshot snapshot, List<AlertRule> rules) {
        return new AlertEvaluator(rules).advance(snapshot, true);
    }

    /**
     * The firings in the data new since the last call, by start time.
     *
     * @param snapshot a snapshot of the same profile as before, as new or newer
     * @param complete true when no more data will come (a file, a stopped session): every open window is decided
     */
    public List<AlertEvent> advance(ProfileSnapshot snapshot, boolean complete) {
        List<AlertEvent> fired = new ArrayList<>();
        for (Check check : checks) {
            check.advance(snapshot, complete, fired);
        }
        fired.sort(Comparator.comparingLong(AlertEvent::fromNanos));
        return fired;
    }
}
