package dev.vitals.attach.internal;

import dev.vitals.attach.Access;
import dev.vitals.attach.JvmDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds local JVMs in {@code /proc} and the {@code hsperfdata} directories, without attaching.
 *
 * <p>A process is a JVM if it publishes perf data, if its launcher or executable is named
 * {@code java}, or (for processes of this user, whose maps are readable) if it maps
 * {@code libjvm.so}. That finds JVMs that {@code VirtualMachine.list()} misses: those started with
 * {@code -XX:-UsePerfData} or {@code -XX:+DisableAttachMechanism}.
 *
 * <p>Invariant: what is learnt about a process is cached under its pid, its start time (field 22
 * of {@code /proc/PID/stat}) and its command name (field 2), so a reused pid, and a process that
 * has since executed another program (a wrapper script's {@code exec java …}), are examined afresh,
 * and a known one costs one read. A process found not to be a JVM is examined again once it
 * publishes perf data (a native launcher that has loaded the JVM since).
 *
 * <p>A process is described only when it is settled: a child forked and not yet executed (a JVM
 * starting a process goes through {@code vfork} and {@code jspawnhelper}) shows its parent's command
 * line, so it is skipped until it has executed; and a process whose start time and name changed
 * while it was read (it executed another program meanwhile) is read again, so its command line
 * and executable always come from the same program.
 * Not thread-safe; {@link dev.vitals.attach.LocalJvms} serialises access.
 */
public final class ProcScanner {
    private static final Path PROC = Path.of("/proc");
    private static final Path TMP = Path.of("/tmp");
    /** {@code PF_FORKNOEXEC} in the flags of {@code /proc/PID/stat}: forked, not yet executed. */
    private static final long FORKED_NOT_EXECUTED = 0x40;
    /** Reads of a process whose program changes under each of them before it is left for the next scan. */
    private static final int READS = 3;

    private final long selfPid = ProcessHandle.current().pid();
    private final int selfUid = uid(PROC.resolve("self")).orElse(-1);
    private final String selfPidNamespace = link(PROC.resolve("self/ns/pid"));
    private final Map<Long, Known> known = new HashMap<>();

    /**
     * A process seen before: its start time and command name, whether it had perf data, and its
     * descriptor (null if it was not a JVM).
     */
    private record Known(String identity, boolean perfData, JvmDescriptor descriptor) {
        boolean stillDescribes(String identityNow, boolean perfDataNow) {
            return identity.equals(identityNow) && (descriptor != null || perfData || !perfDataNow);
        }
    }

    /** All local JVMs, sorted by pid; uptimes are as of now. */
    public List<JvmDescriptor> scan() {
        Set<Long> perfData = perfDataPids();
        Set<Long> alive = new HashSet<>();
        List<JvmDescriptor> jvms = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
            for (Path dir : dirs) {
                long pid = parsePid(dir.getFileName().toString());
                if (pid < 0) {
                    continue;
                }
                alive.add(pid);
                examine(pid, perfData.contains(pid)).ifPresent(jvms::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        known.keySet().retainAll(alive);
        jvms.sort(Comparator.comparingLong(JvmDescriptor::pid));
        return jvms;
    }

    /** The JVM with this pid, if the process exists and is a JVM. */
    public Optional<JvmDescriptor> describe(long pid) {
        return examine(pid, perfDataPids().contains(pid));
    }

    private Optional<JvmDescriptor> examine(long pid, boolean hasPerfData) {
        Path dir = PROC.resolve(Long.toString(pid));
        String identity = identity(dir);
        if (identity == null) {
            known.remove(pid);
            return Optional.empty();
        }
        Known entry = known.get(pid);
        if (entry == null || !entry.stillDescribes(identity, hasPerfData)) {
            entry = settled(pid, dir, identity, hasPerfData);
            if (entry == null) {
                known.remove(pid);
                return Optional.empty();
            }
            known.put(pid, entry);
        }
        JvmDescriptor d = entry.descriptor;
        if (d == null) {
            return Optional.empty();
        }
        long uptime = d.uptimeAt(System.currentTimeMillis()).toMillis();
        return Optional.of(new JvmDescriptor(d.pid(), d.name(), d.arguments(), d.jvmArguments(), d.jdkVendor(),
                d.jdkVersion(), d.jdkFeature(), d.startEpochMillis(), uptime, d.user(), d.access(), d.attachable(),
                d.reason(), d.self()));
    }

    /** What this process is, read while it runs one program; null if it is gone, or not settled yet. */
    private Known settled(long pid, Path dir, String identity, boolean hasPerfData) {
        for (int read = 0; read < READS && identity != null && !identity.isEmpty(); read++) {
            JvmDescriptor descriptor = describe(pid, dir, hasPerfData);
            String after = identity(dir);
            if (identity.equals(after)) {
                return new Known(identity, hasPerfData, descriptor);
            }
            identity = after;
        }
        return null;
    }

    private JvmDescriptor describe(long pid, Path dir, boolean hasPerfData) {
        List<String> argv = nulSeparated(dir.resolve("cmdline"));
        if (argv.isEmpty()) {
            return null;
        }
        Path executable = executable(dir, argv.getFirst());
        int uid = uid(dir).orElse(-1);
        boolean sameUser = uid == selfUid;
        boolean jvm = hasPerfData || isJavaLauncher(argv.getFirst())
                || (executable != null && isJavaLauncher(executable.toString()))
                || (sameUser && mapsLibJvm(dir));
        if (!jvm) {
            return null;
        }
        List<String> fullArgv = new ArrayList<>(argv);
        if (sameUser) {
            Map<String, String> env = environment(dir);
            for (String var : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS")) {
                String value = env.get(var);
                if (value != null && !value.isBlank()) {
                    fullArgv.addAll(1, Arrays.asList(value.trim().split("\\s+")));
                }
            }
        }
        JavaCommandLine command = JavaCommandLine.parse(fullArgv);
        String name = command.main().isEmpty() ? (executable == null ? argv.getFirst() : executable.getFileName().toString()) : command.main();
        JavaRuntime runtime = executable == null ? JavaRuntime.UNKNOWN : JavaRuntime.of(executable);
        long start = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(i -> i.toEpochMilli()).orElse(0L);
        String user = owner(dir);
        String namespace = link(dir.resolve("ns/pid"));

        Access access;
        String reason;
        if (pid == selfPid) {
            access = Access.NONE;
            reason = "This is Vitals itself.";
        } else if (namespace != null && selfPidNamespace != null && !namespace.equals(selfPidNamespace)) {
            access = Access.NONE;
            reason = "Runs in another container (PID namespace); attach from inside that container or connect over JMX.";
        } else if (!sameUser && selfUid != 0) {
            access = Access.NONE;
            reason = "Belongs to user " + user + "; attach works only as the same user or as root.";
        } else if (command.attachDisabled()) {
            access = Access.NONE;
            reason = "Started with -XX:+DisableAttachMechanism; connect over JMX if it has a port open.";
        } else if (runtime.feature() != 0 && runtime.feature() < 11) {
            access = Access.NONE;
            reason = "JDK " + runtime.feature() + " is too old: Vitals needs JFR over JMX, JDK 11 or later.";
        } else if (runtime.lacksModule("jdk.management.agent")) {
            access = Access.NONE;
            reason = "Its runtime image has no jdk.management.agent module, so no JMX agent can be started.";
        } else if (runtime.lacksModule("jdk.management.jfr")) {
            access = Access.NONE;
            reason = "Its runtime image has no jdk.management.jfr module, so JFR cannot be controlled over JMX.";
        } else if (runtime.feature() != 0 && runtime.feature() < 14) {
            access = Access.RECORD_ONLY;
            reason = "JDK " + runtime.feature() + " has no JFR streaming (needs 14+); recordings can be started, stopped and dumped.";
        } else {
            access = Access.STREAM;
            reason = "";
        }
        return new JvmDescriptor(pid, name, command.arguments(), command.jvmOptions(), runtime.vendor(),
                runtime.version(), runtime.feature(), start, 0, user, access, access != Access.NONE, reason,
                pid == selfPid);
    }

    private static boolean isJavaLauncher(String path) {
        int slash = path.lastIndexOf('/');
        String base = path.substring(slash + 1);
        return base.equals("java") || base.equals("javaw");
    }

    /** The process's executable: its {@code exe} link when readable, else an absolute argv[0]. */
    private static Path executable(Path dir, String argv0) {
        String exe = link(dir.resolve("exe"));
        if (exe != null) {
            return Path.of(exe.replace(" (deleted)", ""));
        }
        if (argv0.startsWith("/")) {
            try {
                return Path.of(argv0).toRealPath();
            } catch (IOException | RuntimeException e) {
                return Path.of(argv0);
            }
        }
        return null;
    }

    private static boolean mapsLibJvm(Path dir) {
        try (var lines = Files.lines(dir.resolve("maps"), StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.endsWith("/libjvm.so"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Set<Long> perfDataPids() {
        Set<Long> pids = new HashSet<>();
        try (DirectoryStream<Path> users = Files.newDirectoryStream(TMP, "hsperfdata_*")) {
            for (Path user : users) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(user)) {
                    for (Path file : files) {
                        long pid = parsePid(file.getFileName().toString());
                        if (pid >= 0) {
                            pids.add(pid);
                        }
                    }
                } catch (IOException e) {
                    // another user's directory that this user may not read: its JVMs are found through /proc
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    private static long parsePid(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(name);
    }

    /**
     * The process's start time and command name ({@code /proc/PID/stat} fields 22 and 2); empty if it
     * was forked and has not executed a program yet (field 9, the flags); null if it is gone.
     */
    private static String identity(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.ISO_8859_1);
            int nameEnd = stat.lastIndexOf(')');
            String[] fields = stat.substring(nameEnd + 2).split(" ");
            if ((Long.parseLong(fields[6]) & FORKED_NOT_EXECUTED) != 0) {
                return "";
            }
            return fields[19] + " " + stat.substring(stat.indexOf('(') + 1, nameEnd);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> nulSeparated(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return List.of();
            }
            return List.of(text.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, String> environment(Path dir) {
        Map<String, String> env = new HashMap<>();
        for (String entry : nulSeparated(dir.resolve("environ"))) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    private static Optional<Integer> uid(Path dir) {
        try {
            return Optional.of((Integer) Files.getAttribute(dir, "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String owner(Path dir) {
        try {
            return Files.getOwner(dir).getName();
        } catch (IOException e) {
            return "";
        }
    }

    private static String link(Path path) {
        try {
            return Files.readSymbolicLink(path).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
