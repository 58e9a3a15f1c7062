package dev.vitals.attach.internal;

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
        FakeConnector connector = new FakeConnector();
        try (LivenessMonitor monitor = new LivenessMonitor(connector.proxy(), answering(), "pid", OptionalLong.of(shuttingDown.pid()))) {
            CompletableFuture<String> lost = new CompletableFuture<>();
            monitor.onLost(lost::complete);
            connector.fail();
            assertThat(shuttingDown.isAlive()).as("still running when the connection failed").isTrue();
            assertThat(lost.get(10, TimeUnit.SECONDS)).isEqualTo("JVM " + shuttingDown.pid() + " exited.");
        } finally {
            shuttingDown.destroyForcibly();
        }
    }

    @Test
    void aLocalJvmThatGoesOnRunningAfterItsConnectionFailedIsSaidToHaveLostTheConnection() throws Exception {
        Process running = new ProcessBuilder("sleep", "30").start();
        FakeConnector connector = new FakeConnector();
        try (LivenessMonitor monitor = new LivenessMonitor(connector.proxy(), answering(), "pid", OptionalLong.of(running.pid()))) {
            CompletableFuture<String> lost = new CompletableFuture<>();
            monitor.onLost(lost::complete);
            long failed = System.nanoTime();
            connector.fail();
            assertThat(lost.get(10, TimeUnit.SECONDS))
                    .isEqualTo("The connection to JVM " + running.pid() + " was lost; the JVM may have exited or the network failed.");
            assertThat(Duration.ofNanos(System.nanoTime() - failed)).isLessThan(Duration.ofSeconds(5));
        } finally {
            running.destroyForcibly();
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
