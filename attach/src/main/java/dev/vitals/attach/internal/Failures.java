package dev.vitals.attach.internal;

import dev.vitals.attach.ConnectionException;
import dev.vitals.attach.ConnectionException.Kind;
import dev.vitals.attach.RemoteAddress;

import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns the exceptions of attach, RMI and JMX into one readable sentence each. */
public final class Failures {
    private Failures() {
    }

    /** A failure while connecting to a remote JMX endpoint. */
    public static ConnectionException remote(RemoteAddress address, Throwable failure) {
        String at = address.hostPort();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof SecurityException) {
                if (message.contains("Credentials required") || address.user() == null) {
                    return new ConnectionException(Kind.AUTHENTICATION_FAILED,
                            "JMX at " + at + " needs a user name and password.", failure);
                }
                return new ConnectionException(Kind.AUTHENTICATION_FAILED,
                        "JMX at " + at + " rejected user '" + address.user() + "' or its password.", failure);
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return new ConnectionException(Kind.TLS_FAILED, "TLS with " + at + " failed (" + message
                        + "): check that both sides use TLS and that its certificate is trusted.", failure);
            }
            if (t instanceof UnknownHostException) {
                return new ConnectionException(Kind.UNREACHABLE, "Unknown host '" + address.host() + "'.", failure);
            }
            if (t instanceof NoRouteToHostException) {
                return new ConnectionException(Kind.UNREACHABLE, "No route to host " + address.host() + ".", failure);
            }
            if (t instanceof SocketTimeoutException) {
                return new ConnectionException(Kind.TIMEOUT, "JMX at " + at + " did not answer in time.", failure);
            }
            if (t instanceof java.net.ConnectException || t instanceof java.rmi.ConnectException) {
                return new ConnectionException(Kind.UNREACHABLE,
                        "Nothing accepts connections at " + at + " (connection refused).", failure);
            }
            if (t instanceof javax.naming.NameNotFoundException) {
                return new ConnectionException(Kind.NOT_JMX,
                        at + " is an RMI registry without a JMX server ('jmxrmi' is not bound).", failure);
            }
            if (t instanceof java.rmi.ConnectIOException && message.contains("non-JRMP server")) {
                return new ConnectionException(Kind.NOT_JMX, at + " does not answer as a JMX RMI server"
                        + (address.tls() ? "." : "; if it uses TLS, connect with TLS."), failure);
            }
        }
        return new ConnectionException(Kind.FAILED, "Could not connect to JMX at " + at + ": " + rootMessage(failure) + ".", failure);
    }

    /** A failure while attaching to a local JVM. */
    public static ConnectionException local(long pid, Throwable failure) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (failure instanceof com.sun.tools.attach.AttachNotSupportedException) {
                return new ConnectionException(Kind.ATTACH_REFUSED,
                        "JVM " + pid + " did not accept the attach request (" + rootMessage(failure) + ").", failure);
            }
            if (failure instanceof com.sun.tools.attach.AgentLoadException
                    || failure instanceof com.sun.tools.attach.AttachOperationFailedException) {
                return new ConnectionException(Kind.FAILED,
                        "JVM " + pid + " could not start its JMX agent (" + rootMessage(failure) + ").", failure);
            }
            return new ConnectionException(Kind.FAILED, "Could not attach to JVM " + pid + ": " + rootMessage(failure) + ".", failure);
        }
        return new ConnectionException(Kind.NO_SUCH_PROCESS, "JVM " + pid + " exited while Vitals was attaching.", failure);
    }

    /** The innermost cause's message, or its class name if it has none. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
