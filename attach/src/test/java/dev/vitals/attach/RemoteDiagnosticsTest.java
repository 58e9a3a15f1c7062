package dev.vitals.attach;

import dev.vitals.attach.ConnectionException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JDK 25 demo JVM with {@code --deadlock} behind a password-protected JMX port with two users:
 * {@code vitals} (readwrite) finds the deadlock; {@code watcher} (readonly, as the JDK's
 * monitorRole) reads the JVM's facts and is told which actions it may not do.
 */
class RemoteDiagnosticsTest {
    private static final char[] PASSWORD = "s3cret-pass".toCharArray();

    @TempDir
    static Path files;
    static TargetJvm target;
    static RemoteAddress address;

    @BeforeAll
    static void startTargetWithJmxPort() throws Exception {
        Path passwords = Files.writeString(files.resolve("jmxremote.password"),
                "vitals " + new String(PASSWORD) + "\nwatcher " + new String(PASSWORD) + "\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path access = Files.writeString(files.resolve("jmxremote.access"), "vitals readwrite\nwatcher readonly\n");
        Files.setPosixFilePermissions(access, PosixFilePermissions.fromString("rw-------"));
        int port = RemoteJmxTest.freePort();
        target = TargetJvm.start(TargetJvm.JDK25, List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.password.file=" + passwords,
                "-Dcom.sun.management.jmxremote.access.file=" + access,
                "-Djava.rmi.server.hostname=127.0.0.1"), DiagnosticsTest.DEMO_ARGS.toArray(String[]::new));
        address = new RemoteAddress("127.0.0.1", port, "vitals", PASSWORD, false);
    }

    @AfterAll
    static void stopTarget() throws Exception {
        target.close();
    }

    @Test
    void aReadWriteUserFindsTheDeadlock() throws Exception {
        try (Connection connection = connectWhenReady(address)) {
            Diagnostics diagnostics = new Diagnostics(connection);
            assertThat(diagnostics.refusedActions()).isEmpty();
            DiagnosticsTest.assertTheDemosDeadlock(DiagnosticsTest.awaitDeadlock(diagnostics));
            assertThat(diagnostics.run("VM.version", List.of())).contains("JDK 25");
            DiagnosticsTest.assertLeakGrows(diagnostics);
        }
    }

    @Test
    void aReadOnlyUserReadsFactsAndIsToldWhatItMayNotDo() throws Exception {
        try (Connection connection = connectWhenReady(address.withCredentials("watcher", PASSWORD))) {
            Diagnostics diagnostics = new Diagnostics(connection);
            assertThat(diagnostics.refusedActions()).containsExactlyInAnyOrder(DiagnosticAction.THREAD_DUMP,
                    DiagnosticAction.HEAP_HISTOGRAM, DiagnosticAction.ALL_FLAGS, DiagnosticAction.RUN_COMMAND,
                    DiagnosticAction.INVOKE_OPERATION);
            assertThatThrownBy(diagnostics::threadDump).isInstanceOfSatisfying(DiagnosticException.class, e -> {
                assertThat(e.kind()).isEqualTo(DiagnosticException.Kind.NOT_PERMITTED);
                assertThat(e.getMessage()).isEqualTo("JMX at 127.0.0.1:" + address.port() + " gives this user read-only"
                        + " access (as monitorRole): to take a thread dump needs the readwrite (control) role.");
            });
            assertThatThrownBy(() -> diagnostics.histogram(true)).isInstanceOfSatisfying(DiagnosticException.class,
                    e -> assertThat(e.getMessage()).contains("to take a heap histogram needs the readwrite (control) role"));

            JvmFacts facts = diagnostics.facts();
            assertThat(facts.allFlags()).isFalse();
            assertThat(facts.flags()).extracting(VmFlag::name).contains("HeapDumpOnOutOfMemoryError");
            assertThat(facts.systemProperties()).containsEntry("java.rmi.server.hostname", "127.0.0.1");
            assertThat(facts.inputArguments()).contains("-Xmx128m");
            assertThat(diagnostics.commands()).extracting(DiagnosticCommand::name).contains("Thread.print", "GC.run");
        }
    }

    /** The JMX agent opens its port a moment after the JVM starts. */
    private static Connection connectWhenReady(RemoteAddress to) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return Connection.remote(to, TargetJvm.SLOW_MACHINE);
            } catch (ConnectionException e) {
                if (e.kind() != Kind.UNREACHABLE || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
