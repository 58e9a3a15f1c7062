package dev.vitals.attach;

/**
 * What {@link Diagnostics} can do to a JVM, and which of these a read-only JMX user (the JDK's
 * {@code monitorRole}) may do: reading attributes needs no control right, invoking any operation
 * does.
 */
public enum DiagnosticAction {
    THREAD_DUMP("take a thread dump", true),
    HEAP_HISTOGRAM("take a heap histogram", true),
    ALL_FLAGS("read every JVM flag with its origin", true),
    JVM_FACTS("read the JVM's properties, arguments, uptime and recordings", false),
    RUN_COMMAND("run a diagnostic command", true),
    READ_ATTRIBUTES("read MBean attributes", false),
    INVOKE_OPERATION("invoke an MBean operation", true);

    private final String description;
    private final boolean needsControl;

    DiagnosticAction(String description, boolean needsControl) {
        this.description = description;
        this.needsControl = needsControl;
    }

    /** What it does, as the end of a sentence ("take a thread dump"). */
    public String description() {
        return description;
    }

    /** Whether it invokes an MBean operation, which a read-only JMX role may not. */
    public boolean needsControl() {
        return needsControl;
    }
}
