package dev.vitals.attach;

import dev.vitals.attach.DiagnosticException.Kind;
import dev.vitals.attach.internal.CommandEffects;
import dev.vitals.attach.internal.DumpedThreads;
import dev.vitals.attach.internal.Failures;
import dev.vitals.attach.internal.VirtualThreadsJson;
import dev.vitals.attach.internal.VmFlagsText;
import dev.vitals.model.diagnostics.DeadlockCycle;
import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.ThreadDump;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

import javax.management.Descriptor;
import javax.management.InstanceNotFoundException;
import javax.management.JMX;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.management.VMOption;

/**
 * Diagnostic actions on a connected JVM, over its JMX connection (local attach and remote alike):
 * thread dumps with deadlocks, heap histograms, the JVM's facts, its diagnostic commands
 * ({@code jcmd}), and any MBean call through {@link #call}.
 *
 * <p>Every call runs on its own daemon thread and gives up after the timeout, failing with a
 * {@link DiagnosticException} whose message is one sentence naming the JVM and the action. A
 * read-only JMX user (the JDK's {@code monitorRole}) may read attributes but not invoke operations:
 * such a refusal is {@link DiagnosticException.Kind#NOT_PERMITTED} and names the action, and
 * {@link #refusedActions()} lists them all beforehand.
 */
public final class Diagnostics {
    /** How long one action may take by default: a histogram of a large heap pauses for seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The DiagnosticCommand MBean's name. */
    public static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private final MBeanServerConnection mbeans;
    private final JvmIdentity identity;
    private final OptionalLong localPid;
    private final Duration timeout;

    public Diagnostics(Connection connection) {
        this(connection, DEFAULT_TIMEOUT);
    }

    public Diagnostics(Connection connection, Duration timeout) {
        this.mbeans = connection.mbeans();
        this.identity = connection.identity();
        this.localPid = connection.localPid();
        this.timeout = timeout;
    }

    /** Work over the JMX connection that may block and may fail with any exception. */
    @FunctionalInterface
    public interface Call<T> {
        T run(MBeanServerConnection mbeans) throws Exception;
    }

    /**
     * Runs {@code call} against the JVM's MBean server within the timeout. {@code what} names the
     * action in messages ("read java.lang:type=Memory"), a refusal for a read-only user too.
     */
    public <T> T call(String what, Call<T> call) throws DiagnosticException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().daemon().name("vitals-diagnostics-" + identity.address()).start(() -> {
            try {
                result.complete(call.run(mbeans));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new DiagnosticException(Kind.TIMEOUT, "JVM " + identity.address() + " did not " + what + " within "
                    + timeout.toSeconds() + " s.");
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new DiagnosticException(Kind.FAILED, "Interrupted while asking JVM " + identity.address() + " to " + what + ".", e);
        } catch (ExecutionException e) {
            throw failure(what, e.getCause());
        }
    }

    private DiagnosticException failure(String what, Throwable cause) {
        if (cause instanceof DiagnosticException known) {
            return known;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SecurityException) {
                return new DiagnosticException(Kind.NOT_PERMITTED, "JMX at " + identity.address()
                        + " gives this user read-only access (as monitorRole): to " + what + " needs the readwrite (control) role.", cause);
            }
            if (t instanceof InstanceNotFoundException) {
                return new DiagnosticException(Kind.UNSUPPORTED, "JVM " + identity.address() + " (" + identity.name()
                        + ", Java " + identity.jdkVersion() + ") has no MBean to " + what + ".", cause);
            }
        }
        return new DiagnosticException(Kind.FAILED, "Could not " + what + " on JVM " + identity.address() + ": "
                + Failures.rootMessage(cause) + ".", cause);
    }

    /**
     * The actions this connection's JMX user may not do: those that invoke operations when the user
     * is read-only (found by invoking a harmless operation), else none.
     */
    public Set<DiagnosticAction> refusedActions() throws DiagnosticException {
        try {
            call("look for deadlocks",
                    m -> m.invoke(Connection.objectName(ManagementFactory.THREAD_MXBEAN_NAME), "findDeadlockedThreads", null, null));
            return Set.of();
        } catch (DiagnosticException e) {
            if (e.kind() != Kind.NOT_PERMITTED) {
                throw e;
            }
            Set<DiagnosticAction> refused = new LinkedHashSet<>();
            Arrays.stream(DiagnosticAction.values()).filter(DiagnosticAction::needsControl).forEach(refused::add);
            return Collections.unmodifiableSet(refused);
        }
    }

    /**
     * Every thread with its state, stack (with line numbers), the locks it holds, the lock it waits
     * for and that lock's owner, and its CPU time; the deadlocks among them (monitors and ownable
     * synchronizers), each as its cycle. A local JDK 21+ JVM adds its virtual threads.
     */
    public ThreadDump threadDump() throws DiagnosticException {
        ThreadDump platform = call("take a thread dump", m -> {
            ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(m, ManagementFactory.THREAD_MXBEAN_NAME,
                    ThreadMXBean.class);
            long taken = System.currentTimeMillis();
            ThreadInfo[] infos = threads.dumpAllThreads(threads.isObjectMonitorUsageSupported(),
                    threads.isSynchronizerUsageSupported());
            long[] ids = Arrays.stream(infos).mapToLong(ThreadInfo::getThreadId).toArray();
            long[] cpu = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
                    ? threads.getThreadCpuTime(ids) : null;
            List<DumpedThread> dumped = new ArrayList<>(infos.length);
            for (int i = 0; i < infos.length; i++) {
                dumped.add(DumpedThreads.of(infos[i], cpu == null ? -1 : cpu[i]));
            }
            long[] deadlocked = threads.isSynchronizerUsageSupported() ? threads.findDeadlockedThreads()
                    : threads.findMonitorDeadlockedThreads();
            return new ThreadDump(taken, jvmWords(), dumped, cycles(dumped, deadlocked));
        });
        if (localPid.isEmpty() || identity.jdkFeature() < 21) {
            return platform;
        }
        List<DumpedThread> virtual = virtualThreads(localPid.getAsLong(),
                platform.threads().stream().map(DumpedThread::id).collect(Collectors.toSet()));
        if (virtual.isEmpty()) {
            return platform;
        }
        List<DumpedThread> all = new ArrayList<>(platform.threads());
        all.addAll(virtual);
        return new ThreadDump(platform.takenEpochMillis(), platform.jvm(), all, platform.deadlocks());
    }

    /**
     * The virtual threads of a local JVM, which JMX does not list: it writes them with
     * {@code Thread.dump_to_file -format=json} into a file in the temporary folder, read here
     * directly or through {@code /proc/PID/root} (a JVM in a container). Empty when the JVM cannot
     * write it or this process cannot read it: the platform threads are the dump then.
     */
    private List<DumpedThread> virtualThreads(long pid, Set<Long> known) throws DiagnosticException {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "vitals-threads-" + UUID.randomUUID() + ".json");
        Path throughProc = Path.of("/proc", Long.toString(pid), "root").resolve(file.toString().substring(1));
        try {
            run("Thread.dump_to_file", List.of("-format=json", file.toString()));
            Path written = Files.isReadable(file) ? file : throughProc;
            return VirtualThreadsJson.parse(Files.readString(written), known);
        } catch (DiagnosticException e) {
            if (e.kind() == Kind.TIMEOUT) {
                throw e;
            }
            return List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        } finally {
            deleteQuietly(file);
            deleteQuietly(throughProc);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            // a file in the temporary folder that another user wrote: the system cleans it up
        }
    }

    private String jvmWords() {
        return identity.vmName() + " " + identity.jdkVersion() + ", pid " + identity.pid();
    }

    private static List<DeadlockCycle> cycles(List<DumpedThread> threads, long[] deadlocked) {
        if (deadlocked == null) {
            return List.of();
        }
        Map<Long, DumpedThread> byId = new TreeMap<>();
        threads.forEach(t -> byId.put(t.id(), t));
        LongFunction<DumpedThread> lookup = byId::get;
        Set<DeadlockCycle> cycles = new LinkedHashSet<>();
        for (long id : deadlocked) {
            DeadlockCycle cycle = DeadlockCycle.from(id, lookup);
            if (cycle != null) {
                cycles.add(cycle);
            }
        }
        return List.copyOf(cycles);
    }

    /**
     * A class histogram of the heap ({@code GC.class_histogram}). {@code liveOnly} collects garbage
     * first (a full GC) and counts reachable objects; otherwise every object on the heap is counted.
     */
    public HeapHistogram histogram(boolean liveOnly) throws DiagnosticException {
        String text = run("take a heap histogram", "GC.class_histogram",
                liveOnly ? List.of() : List.of("-all"));
        try {
            return HeapHistogram.parse(text, System.currentTimeMillis(), liveOnly);
        } catch (IllegalArgumentException e) {
            throw new DiagnosticException(Kind.FAILED, "JVM " + identity.address() + " answered the histogram with "
                    + e.getMessage() + ".", e);
        }
    }

    /**
     * Writes the heap to {@code file} (an {@code .hprof} path on the JVM's machine) through
     * {@code HotSpotDiagnosticMXBean.dumpHeap}: the DiagnosticCommand MBean does not offer
     * {@code GC.heap_dump}. {@code liveOnly} collects garbage first. The JVM pauses while it writes.
     */
    public void heapDump(String file, boolean liveOnly) throws DiagnosticException {
        call("write a heap dump to " + file, m -> {
            m.invoke(Connection.objectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
                    new Object[] {file, liveOnly}, new String[] {String.class.getName(), boolean.class.getName()});
            return file;
        });
    }

    /** The diagnostic commands the JVM offers, by name, each with its help and arguments. */
    public List<DiagnosticCommand> commands() throws DiagnosticException {
        return call("list its diagnostic commands", m -> {
            List<DiagnosticCommand> commands = new ArrayList<>();
            for (MBeanOperationInfo op : m.getMBeanInfo(Connection.objectName(DIAGNOSTIC_COMMAND)).getOperations()) {
                Descriptor d = op.getDescriptor();
                String name = field(d, "dcmd.name", op.getName());
                commands.add(new DiagnosticCommand(name, op.getName(), field(d, "dcmd.description", op.getDescription()),
                        field(d, "dcmd.vmImpact", ""), arguments(d), CommandEffects.of(name)));
            }
            commands.sort(Comparator.comparing(DiagnosticCommand::name));
            return List.copyOf(commands);
        });
    }

    /** The command named so, or {@link Kind#UNSUPPORTED} saying that this JVM lacks it. */
    public DiagnosticCommand command(String name) throws DiagnosticException {
        return commands().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new DiagnosticException(Kind.UNSUPPORTED, "JVM " + identity.address() + " (Java "
                        + identity.jdkVersion() + ") has no diagnostic command " + name + "."));
    }

    /**
     * Runs a diagnostic command with its arguments as {@code jcmd} takes them ({@code -all},
     * {@code name=value}, a file) and returns what it printed.
     */
    public String run(String name, List<String> arguments) throws DiagnosticException {
        return run("run " + name, name, arguments);
    }

    private String run(String what, String name, List<String> arguments)
            throws DiagnosticException {
        DiagnosticCommand command = command(name);
        if (command.arguments().isEmpty() && !arguments.isEmpty()) {
            throw new DiagnosticException(Kind.BAD_ARGUMENT, name + " takes no arguments.");
        }
        Object result = call(what, m -> command.arguments().isEmpty()
                ? m.invoke(Connection.objectName(DIAGNOSTIC_COMMAND), command.operation(), null, null)
                : m.invoke(Connection.objectName(DIAGNOSTIC_COMMAND), command.operation(),
                        new Object[] {arguments.toArray(String[]::new)}, new String[] {String[].class.getName()}));
        return result == null ? "" : result.toString();
    }

    /**
     * The JVM's flags, system properties, arguments, uptime and recordings. A read-only user gets the
     * manageable flags only ({@link JvmFacts#allFlags()} false), since listing all needs a command.
     */
    public JvmFacts facts() throws DiagnosticException {
        JvmFacts read = call("read its configuration", m -> {
            RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(m, ManagementFactory.RUNTIME_MXBEAN_NAME,
                    RuntimeMXBean.class);
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.newPlatformMXBeanProxy(m,
                    "com.sun.management:type=HotSpotDiagnostic", HotSpotDiagnosticMXBean.class);
            List<VmFlag> manageable = hotspot.getDiagnosticOptions().stream()
                    .map(o -> new VmFlag(o.getName(), "", o.getValue(), origin(o.getOrigin()), "manageable")).toList();
            ObjectName recorderName = Connection.objectName(Connection.FLIGHT_RECORDER);
            List<JvmFacts.Recording> recordings = new ArrayList<>();
            if (m.isRegistered(recorderName)) {
                FlightRecorderMXBean recorder = JMX.newMXBeanProxy(m, recorderName, FlightRecorderMXBean.class);
                // RecordingInfo.getSettings() read through a proxy loses the settings' values; ask for them by id
                for (RecordingInfo info : recorder.getRecordings()) {
                    recordings.add(new JvmFacts.Recording(info.getId(), info.getName(), info.getState(),
                            recorder.getRecordingSettings(info.getId())));
                }
            }
            return new JvmFacts(manageable, false, new TreeMap<>(runtime.getSystemProperties()),
                    runtime.getInputArguments(), Duration.ofMillis(runtime.getUptime()), recordings);
        });
        try {
            List<VmFlag> all = VmFlagsText.parse(run("read every JVM flag", "VM.flags",
                    List.of("-all")));
            if (!all.isEmpty()) {
                return new JvmFacts(all, true, read.systemProperties(), read.inputArguments(), read.uptime(),
                        read.recordings());
            }
        } catch (DiagnosticException e) {
            if (e.kind() != Kind.NOT_PERMITTED && e.kind() != Kind.UNSUPPORTED) {
                throw e;
            }
        }
        return read;
    }

    /** {@code VMOption.Origin} in the words {@code VM.flags} uses. */
    private static String origin(VMOption.Origin origin) {
        return switch (origin) {
            case DEFAULT -> "default";
            case VM_CREATION -> "command line";
            case ENVIRON_VAR -> "environment";
            case CONFIG_FILE -> "config file";
            case MANAGEMENT -> "management";
            case ERGONOMIC -> "ergonomic";
            case ATTACH_ON_DEMAND -> "attach";
            case OTHER -> "other";
        };
    }

    private static List<DiagnosticCommand.Argument> arguments(Descriptor descriptor) {
        if (!(descriptor.getFieldValue("dcmd.arguments") instanceof Descriptor args)) {
            return List.of();
        }
        List<DiagnosticCommand.Argument> list = new ArrayList<>();
        for (String key : args.getFieldNames()) {
            if (args.getFieldValue(key) instanceof Descriptor a) {
                list.add(new DiagnosticCommand.Argument(field(a, "dcmd.arg.name", key), field(a, "dcmd.arg.description", ""),
                        field(a, "dcmd.arg.type", ""), Boolean.parseBoolean(field(a, "dcmd.arg.isMandatory", "false")),
                        Boolean.parseBoolean(field(a, "dcmd.arg.isOption", "false")), field(a, "dcmd.arg.default", "")));
            }
        }
        return list;
    }

    private static String field(Descriptor descriptor, String name, String otherwise) {
        Object value = descriptor.getFieldValue(name);
        return value == null ? otherwise : value.toString();
    }

    /** The JVM these actions go to. */
    public JvmIdentity identity() {
        return identity;
    }
}
