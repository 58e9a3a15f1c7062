package dev.vitals.attach;

import java.util.Objects;

/**
 * A remote JVM's JMX RMI endpoint ({@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}).
 *
 * @param host     host name or address
 * @param port     RMI registry port ({@code com.sun.management.jmxremote.port})
 * @param user     JMX user, or null for none
 * @param password password, or null for none; never stored by Vitals
 * @param tls      whether the registry and the connection use TLS (the JVM's default trust store)
 */
public record RemoteAddress(String host, int port, String user, char[] password, boolean tls) {

    public RemoteAddress {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, not " + port);
        }
    }

    /** An address without credentials or TLS from {@code host:port}. */
    public static RemoteAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, not '" + hostPort + "'");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new RemoteAddress(host, Integer.parseInt(hostPort.substring(colon + 1)), null, null, false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT with a numeric port, not '" + hostPort + "'");
        }
    }

    public RemoteAddress withCredentials(String user, char[] password) {
        return new RemoteAddress(host, port, user, password, tls);
    }

    public RemoteAddress withTls(boolean tls) {
        return new RemoteAddress(host, port, user, password, tls);
    }

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Without the password, so a record printed into a log never leaks it. */
    @Override
    public String toString() {
        return "RemoteAddress[" + hostPort() + (user == null ? "" : ", user=" + user) + (tls ? ", tls" : "") + "]";
    }
}
