package dev.vitals.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.attach.LocalJvms;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code threads}, {@code histo} and {@code jcmd} against demo JVMs started with
 * {@code --deadlock 1s --leak 2000}: JDK 25 (local attach, and JMX with a password for controlRole
 * and monitorRole) and JDK 17 (local attach, and JMX with a password for controlRole).
 */
class DiagnosticsCommandsTest {
    static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    static Process demo25;
    static Process demo17;
    static int jmxPort;
    static int jmxPort17;
    @TempDir
    static Path jmxFolder;

    @BeforeAll
    static void startDemos() throws Exception {
        try (ServerSocket free = new ServerSocket(0); ServerSocket free17 = new ServerSocket(0)) {
            jmxPort = free.getLocalPort();
            jmxPort17 = free17.getLocalPort();
        }
        Path passwords = Files.writeString(jmxFolder.resolve("jmxremote.password"),
                "controlRole s3cret\nmonitorRole s3cret\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(jmxFolder.resolve("password.txt"), "s3cret\n");
        demo25 = start(demoCommand(null, jmxOptions(jmxPort, passwords)));
        if (Files.isExecutable(JDK17.resolve("bin/java"))) {
            demo17 = start(demoCommand(JDK17, jmxOptions(jmxPort17, passwords)));
            awaitAttachable(demo17);
            awaitListening(jmxPort17);
        }
        awaitAttachable(demo25);
        awaitListening(jmxPort);
    }

    private static List<String> jmxOptions(int port, Path passwords) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.password.file=" + passwords);
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!jmxListening(port)) {
            assertThat(System.nanoTime()).as("the demo's JMX port listens").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> demoCommand(Path javaHome, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(DemoWorkloadProcess.command(Duration.ofSeconds(120), 1, null));
        if (javaHome != null) {
            command.set(0, javaHome.resolve("bin/java").toString());
        }
        command.addAll(1, jvmOptions);
        command.add(1, "-Xmx128m");
        command.addAll(List.of("--deadlock", "1s", "--leak", "2000"));
        return command;
    }

    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitAttachable(Process demo) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LocalJvms.describe(demo.pid()).filter(jvm -> jvm.attachable()).isEmpty()) {
            assertThat(System.nanoTime()).as("the demo JVM is attachable").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean jmxListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @AfterAll
    static void stopDemos() throws Exception {
        for (Process demo : new Process[] {demo25, demo17}) {
            if (demo != null) {
                demo.destroy();
                demo.waitFor();
            }
        }
    }

    /** Runs {@code threads} until the demo has deadlocked (a second after its start), at most 20 s. */
    private static Cli threadsUntilDeadlock(String... args) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<String> all = new ArrayList<>(List.of("threads", "--connect-timeout", "30s"));
            all.addAll(List.of(args));
            Cli cli = Cli.run(all.toArray(String[]::new));
            if (cli.exitCode() != 0 || System.nanoTime() > deadline) {
                return cli;
            }
            Thread.sleep(250);
        }
    }

    private static String[] jmx(String user) {
        return new String[] {"--jmx", "127.0.0.1:" + jmxPort, "--user", user, "--password-file",
                jmxFolder.resolve("password.txt").toString()};
    }

    @Test
    void threadsFindsTheDemosDeadlockAndExitsWith3() throws Exception {
        Cli text = threadsUntilDeadlock("--pid", Long.toString(demo25.pid()));
        assertThat(text.exitCode()).as(text.err()).isEqualTo(3);
        assertTheDeadlockText(text.out());

        Cli json = threadsUntilDeadlock("--json", "--pid", Long.toString(demo25.pid()));
        assertThat(json.exitCode()).as(json.err()).isEqualTo(3);
        assertTheDeadlockJson(json.out());

        Cli remote = threadsUntilDeadlock(jmx("controlRole"));
        assertThat(remote.exitCode()).as(remote.err()).isEqualTo(3);
        assertTheDeadlockText(remote.out());
    }

    @Test
    void threadsOnJdk17() throws Exception {
        assumeTrue(demo17 != null, "no JDK 17 at " + JDK17);
        Cli json = threadsUntilDeadlock("--json", "--pid", Long.toString(demo17.pid()));
        assertThat(json.exitCode()).as(json.err()).isEqualTo(3);
        assertTheDeadlockJson(json.out());

        Cli remote = threadsUntilDeadlock("--jmx", "127.0.0.1:" + jmxPort17, "--user", "controlRole", "--password-file",
                jmxFolder.resolve("password.txt").toString());
        assertThat(remote.exitCode()).as(remote.err()).isEqualTo(3);
        assertTheDeadlockText(remote.out());
    }

    private static void assertTheDeadlockText(String out) {
        assertThat(out).contains("Found one Java-level deadlock:", "Found 1 deadlock.");
        String deadlock = out.substring(out.indexOf("Found one Java-level deadlock:"));
        assertThat(deadlock).containsPattern("\"deadlock-a\":\n  waiting to lock <0x[0-9a-f]{8}> \\(a java.lang.Object\\),\n"
                + "  which is held by \"deadlock-b\"\n");
        assertThat(deadlock).containsPattern("\"deadlock-b\":\n  waiting to lock <0x[0-9a-f]{8}> \\(a java.lang.Object\\),\n"
                + "  which is held by \"deadlock-a\"\n");
        assertThat(deadlock).contains("\tat dev.vitals.demo.Work.lockInOrder(Work.java:");
    }

    @SuppressWarnings("unchecked")
    private static void assertTheDeadlockJson(String out) {
        Map<String, Object> dump = TestJson.object(out);
        List<Object> deadlocks = (List<Object>) dump.get("deadlocks");
        assertThat(deadlocks).hasSize(1);
        List<Map<String, Object>> ring = (List<Map<String, Object>>) ((Map<String, Object>) deadlocks.getFirst()).get("threads");
        assertThat(ring).extracting(t -> t.get("name")).containsExactlyInAnyOrder("deadlock-a", "deadlock-b");
        List<Map<String, Object>> threads = (List<Map<String, Object>>) dump.get("threads");
        assertThat(threads).extracting(t -> t.get("name")).contains("requests", "contender-1", "leaker");
        Map<String, Object> a = threads.stream().filter(t -> t.get("name").equals("deadlock-a")).findFirst().orElseThrow();
        assertThat(a).containsEntry("state", "BLOCKED").containsEntry("lockOwnerName", "deadlock-b");
    }

    @Test
    void aReadOnlyUserIsToldThatAThreadDumpNeedsControl() {
        Cli cli = Cli.run(concat(new String[] {"threads", "--connect-timeout", "30s"}, jmx("monitorRole")));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).singleElement().asString().isEqualTo("vitals: JMX at 127.0.0.1:" + jmxPort
                + " gives this user read-only access (as monitorRole): to take a thread dump needs the readwrite (control) role.");
    }

    @Test
    void jcmdRunsVersionAndThreadPrintOnJdk25And17() {
        List<Process> targets = demo17 == null ? List.of(demo25) : List.of(demo25, demo17);
        for (Process target : targets) {
            String pid = Long.toString(target.pid());
            int feature = target == demo25 ? Runtime.version().feature() : 17;
            Cli version = Cli.run("jcmd", "--pid", pid, "--connect-timeout", "30s", "VM.version");
            assertThat(version.exitCode()).as(version.err()).isZero();
            assertThat(version.out()).contains("JDK " + feature);
            Cli print = Cli.run("jcmd", "--pid", pid, "--connect-timeout", "30s", "Thread.print", "-l");
            assertThat(print.exitCode()).as(print.err()).isZero();
            assertThat(print.out()).contains("\"deadlock-a\"", "Locked ownable synchronizers:");
        }
        Cli help = Cli.run("jcmd", "--pid", Long.toString(demo25.pid()), "--connect-timeout", "30s", "help");
        assertThat(help.out()).containsPattern("(?m)^\\* GC\\.run +\\S").containsPattern("(?m)^  VM\\.version +\\S");
        Cli one = Cli.run("jcmd", "--pid", Long.toString(demo25.pid()), "--connect-timeout", "30s", "help", "GC.class_histogram");
        assertThat(one.out()).contains("GC.class_histogram", "-all", "Changes the JVM: runs a full garbage collection");
        // the DiagnosticCommand MBean does not offer GC.heap_dump (jcmd's attach channel does): said so
        Cli heapDump = Cli.run("jcmd", "--pid", Long.toString(demo25.pid()), "--connect-timeout", "30s", "GC.heap_dump",
                jmxFolder.resolve("demo.hprof").toString());
        assertThat(heapDump.exitCode()).isEqualTo(1);
        assertThat(heapDump.err()).endsWith("has no diagnostic command GC.heap_dump.\n");
        Cli missing = Cli.run(concat(new String[] {"jcmd", "--connect-timeout", "30s"}, jmx("controlRole"), "No.such"));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).endsWith("has no diagnostic command No.such.\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void histoComparedShowsTheLeakedClassGrowing() {
        Cli cli = Cli.run("histo", "--pid", Long.toString(demo25.pid()), "--connect-timeout", "30s",
                "--compare-after", "2s", "--top", "5", "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<Map<String, Object>> grown = TestJson.array(cli.out()).stream().map(o -> (Map<String, Object>) o).toList();
        Map<String, Object> leak = grown.stream().filter(r -> r.get("className").equals("dev.vitals.demo.Leak"))
                .findFirst().orElseThrow();
        assertThat((Long) leak.get("instancesAfter") - (Long) leak.get("instancesBefore")).isBetween(3000L, 8000L);

        Cli table = Cli.run("histo", "--pid", Long.toString(demo25.pid()), "--connect-timeout", "30s", "--top", "3");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines()).hasSize(4).first().asString().contains("INSTANCES", "BYTES", "CLASS");
    }

    @Test
    void aTargetIsRequired() {
        Cli none = Cli.run("threads");
        assertThat(none.exitCode()).isEqualTo(2);
        Cli noCommand = Cli.run("jcmd", "--pid", "1");
        assertThat(noCommand.exitCode()).isEqualTo(2);
        assertThat(noCommand.err()).contains("COMMAND");
    }

    private static String[] concat(String[] first, String[] second, String... rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
