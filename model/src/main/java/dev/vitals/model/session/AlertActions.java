package dev.vitals.model.session;

import java.util.ArrayList;
import java.util.List;

/**
 * What an alert rule takes from the JVM when it fires live, kept with the session as the evidence
 * of the alert's bookmark (JMC's trigger actions are the model): a thread dump, a heap histogram,
 * a {@code .vitals} snapshot of the last {@code snapshotMinutes} minutes (0: none).
 */
public record AlertActions(boolean threadDump, boolean heapHistogram, int snapshotMinutes) {
    /** Nothing taken: the alert only marks its span. */
    public static final AlertActions NONE = new AlertActions(false, false, 0);
    /** The longest snapshot, in minutes. */
    public static final int MAX_SNAPSHOT_MINUTES = 60;

    public AlertActions {
        if (snapshotMinutes < 0 || snapshotMinutes > MAX_SNAPSHOT_MINUTES) {
            throw new IllegalArgumentException("The snapshot must cover 1 to " + MAX_SNAPSHOT_MINUTES + " minutes.");
        }
    }

    /** True when the rule takes anything. */
    public boolean any() {
        return threadDump || heapHistogram || snapshotMinutes > 0;
    }

    /** What the rule takes, in words ("a thread dump and a snapshot of the last 5 min"), or "" for none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (threadDump) {
            parts.add("a thread dump");
        }
        if (heapHistogram) {
            parts.add("a heap histogram");
        }
        if (snapshotMinutes > 0) {
            parts.add("a snapshot of the last " + snapshotMinutes + " min");
        }
        return switch (parts.size()) {
            case 0 -> "";
            case 1 -> parts.getFirst();
            default -> String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        };
    }
}
