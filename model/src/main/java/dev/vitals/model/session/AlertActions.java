package dev.vitals.model.session;

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
}
