package dev.vitals.attach;

/**
 * A diagnostic action on a connected JVM failed. The message is one readable sentence that names
 * the JVM and the action, fit to show a user as it is.
 */
public final class DiagnosticException extends Exception {
    private final Kind kind;

    /** Why the action failed. */
    public enum Kind {
        /** The JMX user may only read (a {@code monitorRole}); the action needs the control (readwrite) right. */
        NOT_PERMITTED,
        /** The JVM lacks the command or MBean the action needs (an older JDK, another vendor). */
        UNSUPPORTED,
        /** The arguments were refused before or by the JVM. */
        BAD_ARGUMENT,
        /** No answer within the deadline. */
        TIMEOUT,
        /** Anything else (the connection broke, the JVM failed the action); the message carries the cause. */
        FAILED
    }

    public DiagnosticException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DiagnosticException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
