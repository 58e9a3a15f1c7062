package dev.vitals.app.ui;

import dev.vitals.attach.Connection;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.RemoteAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The JVM a live tab records: a local one by pid (attach) or a remote one over JMX. Two targets
 * with the same {@link #key()} are the same JVM, so the window opens one tab for them.
 */
sealed interface LiveTarget {
    /** The tab's text until the JVM has said who it is. */
    String title();

    /** Identifies the JVM among the open tabs: {@code pid 42}, or {@code host:port user}. */
    String key();

    /** The end of the session folder's name (letters, digits, dots and dashes). */
    String folderSuffix();

    /**
     * Connects, blocking (call off the FX thread); fails within about ten seconds with a
     * {@link dev.vitals.attach.ConnectionException} whose message is one readable sentence.
     *
     * @param message told what is being done, for the progress line
     */
    Connection connect(Consumer<String> message, BooleanSupplier cancelled) throws Exception;

    /** A local JVM, attached by pid. */
    record Local(long pid, String name) implements LiveTarget {
        /** How long a JVM that is still starting gets to answer the attach. */
        static final Duration STARTING_TIMEOUT = Duration.ofSeconds(30);

        @Override
        public String title() {
            return name + " (" + pid + ")";
        }

        @Override
        public String key() {
            return "pid " + pid;
        }

        @Override
        public String folderSuffix() {
            return "pid" + pid;
        }

        @Override
        public Connection connect(Consumer<String> message, BooleanSupplier cancelled) throws Exception {
            message.accept("Waiting for JVM " + pid + " to accept attach…");
            awaitDiscoverable(cancelled);
            message.accept("Attaching to JVM " + pid + "…");
            return Connection.attach(pid, startedRecently() ? STARTING_TIMEOUT : Connection.CONNECT_TIMEOUT);
        }

        /**
         * True for a JVM that started within the last minute (the demo just launched): on a busy
         * machine its start-up competes with the attach, so it gets {@link #STARTING_TIMEOUT}.
         */
        private boolean startedRecently() {
            return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                    .map(start -> start.isAfter(Instant.now().minusSeconds(60))).orElse(false);
        }

        /**
         * Waits (up to 10 s) until discovery lists the JVM: a JVM that was just started, such as the
         * demo workload, refuses attach until it has published itself.
         */
        private void awaitDiscoverable(BooleanSupplier cancelled) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!LocalJvms.describe(pid).map(j -> j.attachable()).orElse(false) && System.nanoTime() < deadline
                    && !cancelled.getAsBoolean()) {
                Thread.sleep(100);
            }
        }
    }

    /** A remote JVM's JMX port, with the password typed for this connection (never saved). */
    record Remote(RemoteAddress address) implements LiveTarget {
        @Override
        public String title() {
            return (address.user() == null ? "" : address.user() + "@") + address.hostPort();
        }

        @Override
        public String key() {
            return address.hostPort() + " " + address.user();
        }

        @Override
        public String folderSuffix() {
            return address.hostPort().replaceAll("[^A-Za-z0-9.-]", "_");
        }

        @Override
        public Connection connect(Consumer<String> message, BooleanSupplier cancelled) throws Exception {
            message.accept("Connecting to JMX at " + address.hostPort() + (address.tls() ? " with TLS" : "") + "…");
            return Connection.remote(address);
        }
    }
}
