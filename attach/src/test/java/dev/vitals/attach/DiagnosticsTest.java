package dev.vitals.attach;

import dev.vitals.attach.DiagnosticException.Kind;
import dev.vitals.model.diagnostics.DeadlockCycle;
import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.HistogramDiff;
import dev.vitals.model.diagnostics.StayedBlocked;
import dev.vitals.model.diagnostics.ThreadDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Diagnostic actions over local attach against demo JVMs on JDK 25 and 17 started with
 * {@code --deadlock 1s --leak 2000}: the deadlock's exact cycle, histograms that grow by the
 * leaked class, diagnostic commands and the JVM's facts.
 */
class DiagnosticsTest {
    static final List<String> DEMO_ARGS = List.of("--deadlock", "1s", "--leak", "2000");

    @Test
    void jdk25() throws Exception {
        check(TargetJvm.JDK25, 25);
    }

    @Test
    void jdk17() throws Exception {
        assumeTrue(TargetJvm.jdk17Installed(), "no JDK 17 at " + TargetJvm.JDK17);
        check(TargetJvm.JDK17, 17);
    }

    /** A JDK 25 JVM with three sleeping virtual threads: JMX lists none of them, the JSON thread dump adds them. */
    @Test
    void virtualThreadsOfALocalJdk25Jvm(@TempDir Path dir) throws Exception {
        Path source = Files.writeString(dir.resolve("Virtual.java"), """
                public class Virtual {
                    public static void main(String[] args) throws Exception {
                        for (int i = 0; i < 3; i++) {
                            Thread.ofVirtual().name("virtual-" + i).start(() -> {
                                try {
                                    Thread.sleep(90_000);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            });
                        }
                        Thread.sleep(90_000);
                    }
                }
                """);
        Process process = new ProcessBuilder(TargetJvm.JDK25.resolve("bin/java").toString(), source.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (LocalJvms.describe(process.pid()).filter(JvmDescriptor::attachable).isEmpty()) {
                assertThat(System.nanoTime()).as("JVM discovered").isLessThan(end);
                Thread.sleep(100);
            }
            try (Connection connection = Connection.attach(process.pid(), TargetJvm.SLOW_MACHINE)) {
                ThreadDump dump = new Diagnostics(connection).threadDump();
                assertThat(dump.threads()).filteredOn(DumpedThread::virtual).extracting(DumpedThread::name)
                        .containsExactlyInAnyOrder("virtual-0", "virtual-1", "virtual-2");
                assertThat(dump.threads()).filteredOn(DumpedThread::virtual).allSatisfy(t -> {
                    assertThat(t.state()).isEqualTo(Thread.State.TIMED_WAITING);
                    assertThat(t.stack()).anySatisfy(f -> assertThat(f.text()).startsWith("java.lang.Thread.sleep(Thread.java:"));
                });
                assertThat(dump.threads()).filteredOn(t -> !t.virtual()).extracting(DumpedThread::name).contains("main");
                assertThat(dump.jstackText()).containsPattern("\"virtual-0\" #\\d+ virtual daemon\n");
            }
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static void check(Path javaHome, int feature) throws Exception {
        try (TargetJvm target = TargetJvm.start(javaHome, List.of(), DEMO_ARGS.toArray(String[]::new))) {
            target.awaitDiscovered(Duration.ofSeconds(10));
            try (Connection connection = Connection.attach(target.pid(), TargetJvm.SLOW_MACHINE)) {
                Diagnostics diagnostics = new Diagnostics(connection);
                assertThat(diagnostics.refusedActions()).isEmpty();
                ThreadDump first = awaitDeadlock(diagnostics);
                assertTheDemosDeadlock(first);
                assertThat(first.thread(first.threads().stream().filter(t -> t.name().equals("requests"))
                        .findFirst().orElseThrow().id())).hasValueSatisfying(t -> assertThat(t.cpuNanos()).isPositive());
                assertThat(StayedBlocked.between(first, diagnostics.threadDump()).threads())
                        .extracting(DumpedThread::name).contains("deadlock-a", "deadlock-b");

                assertThat(diagnostics.run("VM.version", List.of())).contains("JDK " + feature);
                assertThat(diagnostics.run("Thread.print", List.of("-l")))
                        .contains("\"deadlock-a\"", "Found one Java-level deadlock");
                assertThat(diagnostics.command("GC.run").changesJvm()).isTrue();
                assertThat(diagnostics.command("VM.version").changesJvm()).isFalse();
                assertThat(diagnostics.command("GC.class_histogram").arguments())
                        .extracting(DiagnosticCommand.Argument::name).contains("-all");
                assertThatThrownBy(() -> diagnostics.run("No.such_command", List.of()))
                        .isInstanceOfSatisfying(DiagnosticException.class, e -> {
                            assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
                            assertThat(e.getMessage()).isEqualTo("JVM pid " + target.pid() + " (Java "
                                    + connection.identity().jdkVersion() + ") has no diagnostic command No.such_command.");
                        });

                assertLeakGrows(diagnostics);

                Path heap = Files.createTempDirectory("vitals-heap").resolve("demo.hprof");
                diagnostics.heapDump(heap.toString(), true);
                assertThat(Files.size(heap)).isGreaterThan(1_000_000);
                try (InputStream in = Files.newInputStream(heap)) {
                    assertThat(new String(in.readNBytes(18), StandardCharsets.US_ASCII)).isEqualTo("JAVA PROFILE 1.0.2");
                }
                Files.delete(heap);
                Files.delete(heap.getParent());

                // a recording started by a command shows among the JVM's facts with its settings in force
                assertThat(diagnostics.command("JFR.start").changesJvm()).isTrue();
                diagnostics.run("JFR.start", List.of("name=vitals-facts", "settings=profile"));
                JvmFacts facts = diagnostics.facts();
                assertThat(facts.recordings()).filteredOn(r -> r.name().equals("vitals-facts")).singleElement()
                        .satisfies(r -> {
                            assertThat(r.state()).isEqualTo("RUNNING");
                            assertThat(r.settings()).containsEntry("jdk.ExecutionSample#period", "10 ms");
                        });
                assertThat(facts.allFlags()).isTrue();
                assertThat(facts.flags()).filteredOn(f -> f.name().equals("MaxHeapSize")).singleElement()
                        .satisfies(f -> {
                            assertThat(f.value()).isEqualTo(Long.toString(128L << 20));
                            assertThat(f.origin()).isEqualTo("command line");
                        });
                assertThat(facts.flags()).filteredOn(f -> f.name().equals("UseCompressedOops")).singleElement()
                        .extracting(VmFlag::origin).isEqualTo("ergonomic");
                assertThat(facts.systemProperties()).containsEntry("java.home", javaHome.toString());
                assertThat(facts.inputArguments()).contains("-Xmx128m");
                assertThat(facts.uptime()).isPositive();
            }
        }
    }

    /** The demo deadlocks a second after it starts; a dump before that has no deadlock. */
    static ThreadDump awaitDeadlock(Diagnostics diagnostics) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            ThreadDump dump = diagnostics.threadDump();
            if (!dump.deadlocks().isEmpty() || System.nanoTime() > end) {
                return dump;
            }
            Thread.sleep(200);
        }
    }

    /** Exactly one cycle, of deadlock-a and deadlock-b, each blocked in Work.lockInOrder on the monitor the other holds. */
    static void assertTheDemosDeadlock(ThreadDump dump) {
        assertThat(dump.deadlocks()).hasSize(1);
        DeadlockCycle cycle = dump.deadlocks().getFirst();
        List<DumpedThread> ring = dump.threadsOf(cycle);
        assertThat(ring).extracting(DumpedThread::name).containsExactlyInAnyOrder("deadlock-a", "deadlock-b");
        for (DumpedThread thread : ring) {
            DumpedThread other = ring.stream().filter(t -> t != thread).findFirst().orElseThrow();
            assertThat(thread.state()).isEqualTo(Thread.State.BLOCKED);
            assertThat(thread.lockOwnerId()).isEqualTo(other.id());
            assertThat(thread.lockOwnerName()).isEqualTo(other.name());
            assertThat(other.locksHeld()).containsExactly(thread.waitingOn());
            assertThat(thread.stack().getFirst().className()).isEqualTo("dev.vitals.demo.Work");
            assertThat(thread.stack().getFirst().method()).isEqualTo("lockInOrder");
            assertThat(thread.stack().getFirst().line()).isPositive();
            assertThat(thread.stack().getFirst().lockedHere()).containsExactly(other.waitingOn());
        }
        assertThat(dump.threads()).extracting(DumpedThread::name).contains("requests", "contender-1", "contender-2", "leaker");
        assertThat(dump.threads()).filteredOn(t -> !t.name().startsWith("deadlock-")).noneMatch(t -> dump.deadlocked(t.id()));
        String text = dump.jstackText();
        assertThat(text).contains("Found one Java-level deadlock:", "Found 1 deadlock.",
                "\tat dev.vitals.demo.Work.lockInOrder(Work.java:", "\t- waiting to lock <0x",
                "   java.lang.Thread.State: BLOCKED (on object monitor)");
        assertThat(text).containsPattern("\"deadlock-a\" #\\d+ daemon prio=5 cpu=\\d+\\.\\d\\dms\n");
    }

    /** The demo keeps 2000 Leak objects a second: two live histograms 2 s apart differ by about 4000 of them. */
    static void assertLeakGrows(Diagnostics diagnostics) throws Exception {
        HeapHistogram before = diagnostics.histogram(true);
        long start = System.nanoTime();
        Thread.sleep(2000);
        HeapHistogram after = diagnostics.histogram(true);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(before.rows()).anySatisfy(r -> assertThat(r.className()).isEqualTo("dev.vitals.demo.Leak"));
        HistogramDiff diff = HistogramDiff.of(before, after);
        HistogramDiff.Row leak = diff.byClass().get("dev.vitals.demo.Leak");
        assertThat(leak.instancesDelta()).as("Leak objects kept in %.1f s", seconds)
                .isBetween(Math.round(2000 * 1.5), Math.round(2000 * (seconds + 1)));
        assertThat(diff.grown().stream().sorted((a, b) -> Long.compare(b.instancesDelta(), a.instancesDelta()))
                .limit(3).map(HistogramDiff.Row::className)).contains("dev.vitals.demo.Leak");
    }
}
