package dev.vitals.attach;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.AttachOperationFailedException;
import com.sun.tools.attach.VirtualMachine;
import dev.vitals.attach.ConnectionException.Kind;
import dev.vitals.attach.internal.Deadline;
import dev.vitals.attach.internal.Failures;
import dev.vitals.attach.internal.JavaRuntime;
import dev.vitals.attach.internal.LivenessMonitor;
import jdk.management.jfr.EventTypeInfo;
import jdk.management.jfr.FlightRecorderMXBean;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A JMX connection to one JVM, local (attach, {@code startLocalManagementAgent()}) or remote
 * (JMX over RMI), with the JVM's identity and capabilities read once at connect.
 *
 * <p>Every way of connecting fails within {@link #CONNECT_TIMEOUT} with a {@link ConnectionException}
 * whose message is one readable sentence. Once connected, the connection watches itself (the local
 * process's exit, JMX connection notifications, a ping every second) and tells
 * {@link #onLost(Consumer)} listeners once, with a {@link Loss}: whether the JVM exited, and a
 * sentence saying what happened.
 */
public final class Connection implements AutoCloseable {
    /** Upper bound for connecting, from the call to a usable connection or an exception: under 10 s with the checks before it. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(9);
    /** Tries of a local agent start that fails inside a JVM still starting, 250 ms apart. */
    private static final int AGENT_START_ATTEMPTS = 8;
    private static final long AGENT_RETRY_MILLIS = 250;
    /** A JVM younger than this that does not answer the attach signal is asked once more. */
    private static final Duration STARTING = Duration.ofMinutes(1);

    /**
     * JFR stack depth Vitals asks for (JFR's default is 64). A JVM takes it only before its first
     * recording, so it is asked at connect, before anything else touches JFR.
     */
    public static final int STACK_DEPTH = 256;

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    /** The FlightRecorderMXBean's name. */
    public static final String FLIGHT_RECORDER = "jdk.management.jfr:type=FlightRecorder";

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final JvmIdentity identity;
    private final Capabilities capabilities;
    private final OptionalLong localPid;
    private final LivenessMonitor liveness;
    private final Duration timeout;

    private Connection(JMXConnector connector, String address, OptionalLong localPid, Duration timeout)
            throws IOException {
        this.connector = connector;
        this.timeout = timeout;
        this.mbeans = connector.getMBeanServerConnection();
        this.localPid = localPid;
        this.identity = readIdentity(mbeans, address);
        raiseStackDepth(mbeans, address);
        this.capabilities = readCapabilities(mbeans, identity);
        this.liveness = new LivenessMonitor(connector, mbeans, address, localPid);
    }

    /**
     * Attaches to a local JVM by pid and connects to its local JMX agent (started if needed).
     * Refuses at once, without attaching, what discovery knows cannot work: no such process, not a
     * JVM, Vitals itself, attach disabled, another user or container, a JDK older than 11.
     */
    public static Connection attach(long pid) throws ConnectionException {
        return attach(pid, CONNECT_TIMEOUT);
    }

    /** {@link #attach(long)} with another deadline than {@link #CONNECT_TIMEOUT}, for a JVM known to be slow. */
    public static Connection attach(long pid, Duration timeout) throws ConnectionException {
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new ConnectionException(Kind.NO_SUCH_PROCESS, "No process has pid " + pid + ".");
        }
        JvmDescriptor jvm = LocalJvms.describe(pid).orElseThrow(() -> new ConnectionException(Kind.NOT_A_JVM,
                "Process " + pid + " (" + command(pid) + ") is not a JVM."));
        if (!jvm.attachable()) {
            Kind kind = jvm.jdkFeature() > 0 && jvm.jdkFeature() < 11 ? Kind.UNSUPPORTED : Kind.ATTACH_REFUSED;
            throw new ConnectionException(kind, "Cannot attach to JVM " + pid + " (" + jvm.name() + "): " + jvm.reason());
        }
        return Deadline.within(timeout, "vitals-attach-" + pid, () -> {
            String url = startLocalAgent(pid);
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url), Map.of());
            try {
                return new Connection(connector, "pid " + pid, OptionalLong.of(pid), timeout);
            } catch (IOException | RuntimeException e) {
                connector.close();
                throw e;
            }
        }, failure -> Failures.local(pid, failure), new ConnectionException(Kind.TIMEOUT,
                "JVM " + pid + " did not answer within " + timeout.toSeconds() + " s (it may be overloaded or stopped)."));
    }

    /**
     * Attaches and starts (or finds) the JVM's local JMX agent, returning its address. A JVM that is
     * still starting can fail the request inside its agent code (seen as a NullPointerException in
     * the target); such a failure is retried until the caller's deadline interrupts it. A JVM that
     * is starting can also miss the attach signal itself (seen on a JDK 17 target just after it
     * published itself): the attach is asked once more while the caller's deadline allows.
     */
    private static String startLocalAgent(long pid) throws Exception {
        for (int attempt = 1; ; attempt++) {
            VirtualMachine vm = attachVm(pid);
            try {
                return vm.startLocalManagementAgent();
            } catch (AttachOperationFailedException e) {
                if (attempt == AGENT_START_ATTEMPTS) {
                    throw e;
                }
            } finally {
                vm.detach();
            }
            Thread.sleep(AGENT_RETRY_MILLIS);
        }
    }

    private static VirtualMachine attachVm(long pid) throws Exception {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            boolean starting = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                    .map(start -> start.isAfter(Instant.now().minus(STARTING))).orElse(false);
            if (!starting) {
                throw e;
            }
            return VirtualMachine.attach(Long.toString(pid));
        }
    }

    /** Connects to {@code service:jmx:rmi:///jndi/rmi://host:port/jmxrmi}. */
    public static Connection remote(RemoteAddress address) throws ConnectionException {
        return remote(address, CONNECT_TIMEOUT);
    }

    /** {@link #remote(RemoteAddress)} with another deadline than {@link #CONNECT_TIMEOUT}. */
    public static Connection remote(RemoteAddress address, Duration timeout) throws ConnectionException {
        return Deadline.within(timeout, "vitals-jmx-" + address.hostPort(), () -> {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address.hostPort() + "/jmxrmi");
            Map<String, Object> env = new HashMap<>();
            if (address.user() != null) {
                String password = address.password() == null ? "" : new String(address.password());
                env.put(JMXConnector.CREDENTIALS, new String[] {address.user(), password});
            }
            if (address.tls()) {
                env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
            }
            JMXConnector connector = JMXConnectorFactory.connect(url, env);
            try {
                return new Connection(connector, address.hostPort(), OptionalLong.empty(), timeout);
            } catch (IOException | RuntimeException e) {
                connector.close();
                throw e;
            }
        }, failure -> Failures.remote(address, failure), new ConnectionException(Kind.TIMEOUT,
                "JMX at " + address.hostPort() + " did not answer within " + timeout.toSeconds() + " s."));
    }

    public JvmIdentity identity() {
        return identity;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    /** The deadline this connection was made with; later blocking calls (starting a stream) use it too. */
    public Duration timeout() {
        return timeout;
    }

    /** The JMX connection, for reading the JVM's MXBeans. */
    public MBeanServerConnection mbeans() {
        return mbeans;
    }

    /** The pid if the JVM was attached locally. */
    public OptionalLong localPid() {
        return localPid;
    }

    /**
     * How a connection ended by itself.
     *
     * @param exited  the JVM's (local) process has exited; false: the connection failed or stopped
     *                answering, and the JVM may still run
     * @param message one sentence saying what happened
     */
    public record Loss(boolean exited, String message) {
    }

    /** Why the connection was lost, if it was; empty while it works and after a plain {@link #close()}. */
    public Optional<String> lost() {
        return liveness.lost().map(Loss::message);
    }

    /**
     * Calls {@code listener} once, on a monitor thread, when the JVM exits or the connection fails
     * (at once if that has already happened). Not called for {@link #close()}.
     */
    public void onLost(Consumer<Loss> listener) {
        liveness.onLost(listener);
    }

    /** Stops watching and closes the JMX connection; never blocks for more than a few seconds. */
    @Override
    public void close() {
        liveness.close();
        Deadline.close(connector, Duration.ofSeconds(3), "vitals-close-" + identity.address());
    }

    @Override
    public String toString() {
        return "Connection[" + identity.address() + ", " + identity.name() + "]";
    }

    private static JvmIdentity readIdentity(MBeanServerConnection mbeans, String address) throws IOException {
        RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
        Map<String, String> properties = runtime.getSystemProperties();
        String version = properties.getOrDefault("java.version", "");
        return new JvmIdentity(address, runtime.getPid(), properties.getOrDefault("sun.java.command", ""),
                properties.getOrDefault("java.vendor", ""), version, JavaRuntime.feature(version),
                properties.getOrDefault("java.vm.name", ""), runtime.getStartTime());
    }

    private static void raiseStackDepth(MBeanServerConnection mbeans, String address) {
        try {
            mbeans.invoke(objectName("com.sun.management:type=DiagnosticCommand"), "jfrConfigure",
                    new Object[] {new String[] {"stackdepth=" + STACK_DEPTH}}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            // recording still works, with the JVM's current stack depth
            LOG.log(System.Logger.Level.INFO, "JVM " + address + " did not take JFR stackdepth=" + STACK_DEPTH + ": " + e);
        }
    }

    private static Capabilities readCapabilities(MBeanServerConnection mbeans, JvmIdentity identity)
            throws IOException {
        ObjectName name = objectName(FLIGHT_RECORDER);
        if (!mbeans.isRegistered(name)) {
            return new Capabilities(false, Set.of());
        }
        FlightRecorderMXBean recorder = JMX.newMXBeanProxy(mbeans, name, FlightRecorderMXBean.class);
        Set<String> types = recorder.getEventTypes().stream().map(EventTypeInfo::getName).collect(Collectors.toSet());
        return new Capabilities(identity.jdkFeature() >= 14, types);
    }

    static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private static String command(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("unknown command");
    }
}
