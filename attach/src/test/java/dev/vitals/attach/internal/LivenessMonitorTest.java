package dev.vitals.attach.internal;

import dev.vitals.attach.Connection;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServerConnection;
import javax.management.NotificationListener;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the monitor says when a connection fails, against a fake connector and a real process. */
class LivenessMonitorTest {

    @Test
    void aLocalJvmWhoseConnectionFailsWhileItShutsDownIsSaidToHaveExited() throws Exception {
        // A JVM ending on its own closes its JMX connection before its process is gone.
        Process shuttingDown = new ProcessBuilder("sleep", "1").start();
        try {
            assertThat(shuttingDown.isAlive()).as("still running when the connection fails").isTrue();
            assertThat(lossAfterFailure(shuttingDown)).isEqualTo(new Connection.Loss(true, "JVM " + shuttingDown.pid() + " exited."));
        } finally {
            shuttingDown.destroyForcibly();
        }
    }

    @Test
    void aLocalJvmThatGoesOnRunningAfterItsConnectionFailedIsSaidToHaveLostTheConnection() throws Exception {
        Process running = new ProcessBuilder("sleep", "30").start();
        try {
            long failed = System.nanoTime();
            assertThat(lossAfterFailure(running)).isEqualTo(new Connection.Loss(false,
                    "The connection to JVM " + running.pid() + " was lost; the JVM may have exited or the network failed."));
            assertThat(Duration.ofNanos(System.nanoTime() - failed)).isLessThan(Duration.ofSeconds(5));
        } finally {
            running.destroyForcibly();
        }
    }

    /** What a monitor watching {@code process} reports once its JMX connection sends {@code FAILED}. */
    private static Connection.Loss lossAfterFailure(Process process) throws Exception {
        FakeConnector connector = new FakeConnector();
        try (LivenessMonitor monitor = new LivenessMonitor(connector.proxy(), answering(), "pid", OptionalLong.of(process.pid()))) {
            CompletableFuture<Connection.Loss> lost = new CompletableFuture<>();
            monitor.onLost(lost::complete);
            connector.fail();
            return lost.get(10, TimeUnit.SECONDS);
        }
    }

    /** MBeans that answer every ping. */
    private static MBeanServerConnection answering() {
        return (MBeanServerConnection) Proxy.newProxyInstance(LivenessMonitorTest.class.getClassLoader(),
                new Class<?>[] {MBeanServerConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMBeanCount" -> 1;
                    default -> null;
                });
    }

    /** A connector that only keeps its notification listener, to send it {@code FAILED}. */
    private static final class FakeConnector {
        private volatile NotificationListener listener;

        JMXConnector proxy() {
            return (JMXConnector) Proxy.newProxyInstance(LivenessMonitorTest.class.getClassLoader(),
                    new Class<?>[] {JMXConnector.class}, (proxy, method, args) -> {
                        if (method.getName().equals("addConnectionNotificationListener")) {
                            listener = (NotificationListener) args[0];
                        }
                        return null;
                    });
        }

        void fail() {
            listener.handleNotification(new JMXConnectionNotification(JMXConnectionNotification.FAILED, this,
                    "fake", 1, "failed", null), null);
        }
    }
}
