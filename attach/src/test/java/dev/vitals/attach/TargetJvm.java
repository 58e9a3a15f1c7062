package dev.vitals.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The demo workload running as a real JVM, for integration tests. */
final class TargetJvm implements AutoCloseable {
    static final Path JDK25 = Path.of(System.getProperty("java.home"));
    static final Path JDK17 = Path.of(System.getProperty("vitals.jdk17.home", "/usr/lib/jvm/java-17-openjdk-amd64"));
    /**
     * Connect deadline for tests that must connect: the build machine is shared and attaching to a
     * JVM that is still starting can take longer there than the product's 10 s.
     */
    static final Duration SLOW_MACHINE = Duration.ofSeconds(30);
    private static final Path DEMO_JAR = Path.of(System.getProperty("vitals.demo.jar", "../demo/target/vitals-demo.jar"));

    private final Process process;
    private final Path log;

    private TargetJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java <jvmOptions> -jar vitals-demo.jar --threads 1 <demoArgs>} (90 s at most). */
    static TargetJvm start(Path javaHome, List<String> jvmOptions, String... demoArgs) throws IOException {
        return start(command(javaHome, jvmOptions, demoArgs));
    }

    /**
     * Starts a shell that sleeps for {@code delay} and then executes the demo workload's JVM in its
     * own process, as a wrapper script's {@code exec java …} does: one pid, first a shell, then a JVM.
     */
    static TargetJvm startThroughExec(Path javaHome, Duration delay) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
                "sleep " + delay.toMillis() / 1000.0 + "; exec \"$@\"", "sh"));
        command.addAll(command(javaHome, List.of()));
        return start(command);
    }

    private static TargetJvm start(List<String> command) throws IOException {
        Path log = Files.createTempFile("vitals-demo", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new TargetJvm(process, log);
    }

    private static List<String> command(Path javaHome, List<String> jvmOptions, String... demoArgs) {
        if (!Files.isRegularFile(DEMO_JAR)) {
            throw new IllegalStateException("demo jar missing at " + DEMO_JAR.toAbsolutePath() + "; build the demo module first");
        }
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.add("-Xmx128m");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(DEMO_JAR.toAbsolutePath().toString());
        command.addAll(List.of("--threads", "1", "--duration", "90s"));
        command.addAll(List.of(demoArgs));
        return command;
    }

    static boolean jdk17Installed() {
        return Files.isExecutable(JDK17.resolve("bin/java"));
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Waits until discovery lists this JVM as attachable (or fails after the deadline). */
    JvmDescriptor awaitDiscovered(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            var found = LocalJvms.describe(pid());
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("JVM " + pid() + " not discovered within " + deadline + "; output: " + output());
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        kill();
        Files.deleteIfExists(log);
    }
}
