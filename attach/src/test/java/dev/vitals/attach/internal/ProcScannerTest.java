package dev.vitals.attach.internal;

import dev.vitals.attach.JvmDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ProcScannerTest {

    /**
     * A JVM started by another JVM is first a copy of its parent (forked, showing the parent's
     * command line), then {@code jspawnhelper}, which executes {@code java}. A scan reading the
     * command line before an exec and the executable after it took the parent's or the helper's
     * arguments for the JVM's (CI once saw a JVM named "25.0.3+9-LTS", the helper's version
     * argument). Scanning without pause while JVMs start, every descriptor must name the JVM
     * that was started.
     */
    @Test
    void aJvmCaughtWhileItsLauncherExecutesIsDescribedByItsOwnCommandLine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<Long, String> names = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ProcScanner scanner = new ProcScanner();
        Thread scanning = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                for (JvmDescriptor jvm : scanner.scan()) {
                    names.merge(jvm.pid(), jvm.name(), (a, b) -> a.equals(b) ? a : a + " | " + b);
                }
            }
        });
        List<Long> started = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", "/nonexistent",
                        "vitals.StartedByTest").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                started.add(p.pid());
                p.waitFor();
            }
        } finally {
            running.set(false);
            scanning.join();
        }
        for (long pid : started) {
            assertThat(names.getOrDefault(pid, "vitals.StartedByTest")).as("pid %d", pid).isEqualTo("vitals.StartedByTest");
        }
    }
}
