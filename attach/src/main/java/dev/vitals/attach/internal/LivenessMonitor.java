package dev.vitals.attach.internal;

import dev.vitals.attach.Connection;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Notices that a connected JVM is gone, since a {@code RemoteRecordingStream} does not: the local
 * process's exit, a JMX {@code FAILED} notification, a ping (MBean count) that fails, or a ping that
 * has not answered for {@link #PING_DEADLINE_MILLIS}.
 *
 * <p>Invariant: the loss is decided once; listeners run once each, after it is decided, on a monitor
 * thread. After {@link #close()} nothing is reported.
 */
public final class LivenessMonitor implements AutoCloseable {
    static final long PING_PERIOD_MILLIS = 1000;
    static final long PING_DEADLINE_MILLIS = 8000;
    /** How long a failed connection to a local JVM waits for its process to end (see {@link #failureSentence}). */
    static final long EXIT_GRACE_MILLIS = 2000;

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final String address;
    private final OptionalLong localPid;
    private final CompletableFuture<Connection.Loss> lost = new CompletableFuture<>();
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService pinger;
    private final AtomicLong pingStartedNanos = new AtomicLong();
    private final NotificationListener notifications = this::onNotification;
    private volatile boolean closed;

    public LivenessMonitor(JMXConnector connector, MBeanServerConnection mbeans, String address, OptionalLong localPid) {
        this.connector = connector;
        this.mbeans = mbeans;
        this.address = address;
        this.localPid = localPid;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("vitals-liveness-" + address));
        this.pinger = Executors.newSingleThreadScheduledExecutor(daemon("vitals-ping-" + address));
        connector.addConnectionNotificationListener(notifications, null, null);
        localPid.ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(
                process -> process.onExit().thenRun(() -> declareLost(exited(pid))),
                () -> declareLost(exited(pid))));
        timer.scheduleWithFixedDelay(this::check, PING_PERIOD_MILLIS, PING_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public Optional<Connection.Loss> lost() {
        return Optional.ofNullable(lost.getNow(null));
    }

    public void onLost(Consumer<Connection.Loss> listener) {
        lost.thenAccept(listener);
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        pinger.shutdownNow();
        try {
            connector.removeConnectionNotificationListener(notifications);
        } catch (javax.management.ListenerNotFoundException e) {
            // already removed
        }
    }

    private void check() {
        long started = pingStartedNanos.get();
        if (started != 0) {
            if (System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(PING_DEADLINE_MILLIS)) {
                declareLost(new Connection.Loss(false,
                        who() + " stopped answering (no reply for " + PING_DEADLINE_MILLIS / 1000 + " s)."));
            }
            return;
        }
        pingStartedNanos.set(System.nanoTime());
        pinger.execute(() -> {
            try {
                mbeans.getMBeanCount();
                pingStartedNanos.set(0);
            } catch (Exception e) {
                declareLost(failureSentence(e));
            }
        });
    }

    private void onNotification(Notification notification, Object handback) {
        if (JMXConnectionNotification.FAILED.equals(notification.getType())) {
            try {
                timer.execute(() -> declareLost(failureSentence(null)));
            } catch (RejectedExecutionException e) {
                // closed, or the loss already decided: nothing more to report
            }
        }
    }

    /**
     * Says why the connection failed. A local JVM that is shutting down closes its JMX connection
     * before its process is gone, so that failure waits up to {@link #EXIT_GRACE_MILLIS} for the exit
     * and then says "exited" rather than "the connection was lost".
     */
    private Connection.Loss failureSentence(Exception e) {
        if (localPid.isPresent() && exitsSoon(localPid.getAsLong())) {
            return exited(localPid.getAsLong());
        }
        return new Connection.Loss(false, "The connection to " + who() + " was lost"
                + (e == null ? "" : " (" + Failures.rootMessage(e) + ")") + "; the JVM may have exited or the network failed.");
    }

    private static boolean exitsSoon(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.get().isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.get().isAlive();
        }
    }

    private String who() {
        return localPid.isPresent() ? "JVM " + localPid.getAsLong() : "JMX at " + address;
    }

    private static Connection.Loss exited(long pid) {
        return new Connection.Loss(true, "JVM " + pid + " exited.");
    }

    private void declareLost(Connection.Loss reason) {
        if (closed || !lost.complete(reason)) {
            return;
        }
        timer.shutdown();
        pinger.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
