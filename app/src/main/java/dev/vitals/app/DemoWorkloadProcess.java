package dev.vitals.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the bundled demo workload ({@code vitals-demo.jar}) as a separate JVM on the Java runtime
 * Vitals runs on. The jar is found through the system property {@code vitals.demo.jar}, else in
 * the folder {@code demo/} beside the application's jar (the layout of {@code app/target} and of
 * the installed application).
 */
public final class DemoWorkloadProcess {
    public static final String JAR_PROPERTY = "vitals.demo.jar";
    /** How much lower the watched demo's scheduling priority is than the window's. */
    static final int NICENESS = 10;

    private DemoWorkloadProcess() {
    }

    /** The command line that runs the workload with the given options (each may be null). */
    public static List<String> command(Duration duration, Integer threads, Duration spikeEvery) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaExecutable().toString(), "-jar", jar().toString()));
        if (duration != null) {
            command.addAll(List.of("--duration", duration.toMillis() + "ms"));
        }
        if (threads != null) {
            command.addAll(List.of("--threads", threads.toString()));
        }
        if (spikeEvery != null) {
            command.addAll(List.of("--spike-every", spikeEvery.toMillis() + "ms"));
        }
        return command;
    }

    /**
     * Lowers the scheduling priority of the running process {@code pid} by {@link #NICENESS}
     * ({@code renice}), every one of its threads (Linux keeps a niceness per thread), so the demo we
     * watch does not starve the window on a small machine. Done once the session is connected: a
     * demo started niced on a loaded machine may not answer the attach in time. Blocks while
     * {@code renice} runs; false where there is no {@code /proc} or {@code renice}, or it failed.
     */
    public static boolean lowerPriority(long pid) {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        Path renice = Path.of("/usr/bin/renice");
        if (!Files.isDirectory(tasks) || !Files.isExecutable(renice)) {
            return false;
        }
        try (var threads = Files.list(tasks)) {
            List<String> command = new ArrayList<>(List.of(renice.toString(), "-n", String.valueOf(NICENESS), "-p"));
            threads.forEach(t -> command.add(t.getFileName().toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Path javaExecutable() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IOException("cannot start the demo workload: this Java runtime has no java launcher at " + java);
        }
        return java;
    }

    static Path jar() throws IOException {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = configured != null ? Path.of(configured) : besideApplication();
        if (!Files.isRegularFile(jar)) {
            throw new IOException("the demo workload is missing: no " + jar
                    + " (build it with 'mvn -pl demo package' or run ./vitals, which builds it)");
        }
        return jar;
    }

    private static Path besideApplication() throws IOException {
        try {
            Path code = Path.of(DemoWorkloadProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("demo").resolve("vitals-demo.jar");
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot locate the demo workload beside the application; set -D" + JAR_PROPERTY, e);
        }
    }
}
