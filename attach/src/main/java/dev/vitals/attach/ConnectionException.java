package dev.vitals.attach;

/**
 * Vitals could not connect to a JVM, or lost it. The message is one readable sentence that names
 * the target and says what to do, fit to show a user as it is.
 */
public final class ConnectionException extends Exception {
    private final Kind kind;

    /** Why the connection failed. */
    public enum Kind {
        /** No process has this pid. */
        NO_SUCH_PROCESS,
        /** The process exists but is not a JVM. */
        NOT_A_JVM,
        /** The JVM exists but refuses or cannot take an attach (disabled, other user, container, Vitals itself). */
        ATTACH_REFUSED,
        /** The JVM is too old or lacks a module Vitals needs. */
        UNSUPPORTED,
        /** The JMX server rejected the user name or password, or asked for credentials none were given. */
        AUTHENTICATION_FAILED,
        /** TLS was expected on one side and not the other, or the certificate is not trusted. */
        TLS_FAILED,
        /** Nothing accepts connections at the address, or the host is unknown. */
        UNREACHABLE,
        /** The endpoint answers, but not as a JMX RMI server. */
        NOT_JMX,
        /** No answer within the deadline. */
        TIMEOUT,
        /** Anything else; the message carries the underlying error. */
        FAILED
    }

    public ConnectionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ConnectionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
