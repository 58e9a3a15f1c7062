package dev.vitals.model.session;

/**
 * What an alert rule takes from the JVM when it fires live, kept with the session as the evidence
 * of the alert's bookmark (JMC's trigger actions are the model).
 */
public enum AlertAction {
    THREAD_DUMP("take a thread dump"),
    HEAP_HISTOGRAM("take a heap histogram");

    private final String description;

    AlertAction(String description) {
        this.description = description;
    }

    /** What it does, as the end of a sentence. */
    public String description() {
        return description;
    }
}
