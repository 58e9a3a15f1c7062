package dev.vitals.bench;

import dev.vitals.attach.Connection;
import dev.vitals.attach.ConnectionException;
import dev.vitals.attach.LiveSession;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.ModelSink;
import dev.vitals.attach.RecordingControl;
import dev.vitals.attach.RemoteAddress;
import dev.vitals.attach.SessionEnd;
import dev.vitals.attach.SettingsProfile;
import dev.vitals.model.SampleTable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Overhead and freshness of Vitals' live stream on the demo workload.
 *
 * <p>Runs the demo (JDK of this launcher) per run for {@value #WARMUP_SECONDS} s of warm-up plus
 * {@code seconds} measured, in each mode, interleaved round by round. Every run attaches at the
 * start (JMX connection, which costs the same in every mode), so JFR's one-off start-up falls in the
 * warm-up and the demo's ops/s figure is the steady state. The modes:
 * <ul>
 *   <li>{@code none}: attached, nothing recorded (the baseline);</li>
 *   <li>{@code jdk}: the JDK's own {@code default.jfc} streamed live into the model (the control:
 *       JFR's documented "about 1 %" profile through the same path);</li>
 *   <li>{@code record}: Vitals' default profile recorded in the target but not streamed (JFR's cost
 *       without the stream's);</li>
 *   <li>{@code default}, {@code detailed}: Vitals' profiles streamed live into the model;</li>
 *   <li>{@code remote}: the default profile streamed over JMX (the target's JMX agent on a local
 *       port, no password): the path of a JVM on another machine;</li>
 *   <li>a path ending in {@code .jfc}: those settings streamed live (to weigh one setting's cost).</li>
 * </ul>
 * {@code --modes none,default,…} runs only those modes (more rounds in the same time); the
 * baseline {@code none} is required.
 * Reports the demo's ops/s per run, the median ratio to the baseline, the delay from each execution
 * sample's time to its appearing in the live model (median, p95), and the CPU this process (the
 * client) used per second of run, in cores.
 *
 * <p>With {@code --pin} the demo runs on CPU 0 with one worker thread ({@code taskset -c 0}); run
 * this process on the other CPU ({@code taskset -c 1 java …}) so that the figures are the target's
 * cost alone, as with a client on another machine. Without it the demo's two workers fill both CPUs
 * and the client's CPU is taken from the target too.
 *
 * <pre>
 * mvn -B -q -pl demo,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.vitals.bench.OverheadBench demo/target/vitals-demo.jar 5 30
 * taskset -c 1 java -cp bench/target/benchmarks.jar dev.vitals.bench.OverheadBench demo/target/vitals-demo.jar 5 30 --pin
 * taskset -c 1 java -cp bench/target/benchmarks.jar dev.vitals.bench.OverheadBench demo/target/vitals-demo.jar 10 30 --pin --modes none,default,my.jfc
 * </pre>
 */
public final class OverheadBench {
    /** This process: the client side of the stream (copy or JMX download, decoding into the model). */
    private static final com.sun.management.OperatingSystemMXBean CLIENT =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final int WARMUP_SECONDS = 10;
    private static final List<String> MODES = List.of("none", "jdk", "record", "default", "detailed", "remote");

    private OverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        boolean pin = false;
        List<String> modes = MODES;
        for (int a = 3; a < args.length; a++) {
            if (args[a].equals("--pin")) {
                pin = true;
            } else if (args[a].equals("--modes") && a + 1 < args.length) {
                modes = List.of(args[++a].split(","));
            } else {
                throw new IllegalArgumentException("usage: OverheadBench DEMO_JAR ROUNDS SECONDS [--pin] [--modes none,MODE,…], not "
                        + Arrays.toString(args));
            }
        }
        if (!modes.contains("none")) {
            throw new IllegalArgumentException("--modes needs none, the baseline: " + modes);
        }
        Map<String, List<Double>> ops = new LinkedHashMap<>();
        Map<String, List<Long>> delays = new LinkedHashMap<>();
        Map<String, List<Double>> client = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < modes.size(); i++) {
                String mode = modes.get((i + round) % modes.size());
                List<Long> delay = new ArrayList<>();
                long cpuBefore = CLIENT.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                double opsPerSecond = run(demo, seconds, pin, mode, delay);
                double clientCores = (double) (CLIENT.getProcessCpuTime() - cpuBefore) / (System.nanoTime() - wallBefore);
                client.computeIfAbsent(mode, k -> new ArrayList<>()).add(clientCores);
                ops.computeIfAbsent(mode, k -> new ArrayList<>()).add(opsPerSecond);
                delays.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(delay);
                System.out.printf("round %d %-8s ops/s %.0f  client %.3f cores%s%n", round + 1, mode, opsPerSecond,
                        clientCores, delay.isEmpty() ? "" : "  samples " + delay.size());
            }
        }
        double baseline = median(ops.get("none"));
        for (String mode : modes) {
            List<Double> runs = ops.get(mode);
            double ratio = median(runs.stream().map(v -> v / baseline).toList());
            String fresh = "";
            if (!delays.get(mode).isEmpty()) {
                long[] d = delays.get(mode).stream().mapToLong(Long::longValue).sorted().toArray();
                fresh = String.format("  delay median %d ms, p95 %d ms", d[d.length / 2], d[(int) (d.length * 0.95)]);
            }
            System.out.printf("%-8s runs %s  median ratio %.3f  client median %.3f cores%s%n", mode,
                    runs.stream().map(v -> String.format("%.0f", v)).toList(), ratio, median(client.get(mode)), fresh);
        }
    }

    private static double run(Path demo, int seconds, boolean pin, String mode, List<Long> delays) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(pin ? List.of("taskset", "-c", "0") : List.of());
        int port = mode.equals("remote") ? freePort() : 0;
        command.addAll(List.of(java, "-Xmx256m"));
        if (port > 0) {
            command.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + port,
                    "-Dcom.sun.management.jmxremote.rmi.port=" + port, "-Dcom.sun.management.jmxremote.authenticate=false",
                    "-Dcom.sun.management.jmxremote.ssl=false"));
        }
        command.addAll(List.of("-jar", demo.toString(), "--threads", pin ? "1" : "2",
                "--warmup", WARMUP_SECONDS + "s", "--duration", seconds + "s"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        while (LocalJvms.describe(process.pid()).isEmpty() && process.isAlive()) {
            Thread.sleep(20);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the demo exited at once (" + process.exitValue() + "): "
                    + new String(process.getInputStream().readAllBytes()));
        }
        Connection connection = port > 0 ? remote(port) : Connection.attach(process.pid(), Duration.ofSeconds(60));
        LiveSession session = null;
        RecordingControl control = null;
        long recording = 0;
        switch (mode) {
            case "none" -> {
            }
            case "record" -> {
                control = RecordingControl.of(connection);
                recording = control.start(SettingsProfile.defaults(), "bench");
            }
            default -> session = stream(connection, port > 0 ? "default" : mode, delays);
        }
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(WARMUP_SECONDS + seconds + 30L, TimeUnit.SECONDS);
        if (session != null) {
            SessionEnd end = session.awaitEnd(Duration.ofSeconds(15)).orElseGet(session::stop);
            if (end.reason() != SessionEnd.Reason.TARGET_EXITED) {
                System.out.println("  session ended: " + end.message());
            }
        }
        if (control != null && process.isAlive()) {
            control.close(recording);
        }
        connection.close();
        return Arrays.stream(output.split("\n")).filter(l -> l.startsWith("ops/s: "))
                .mapToDouble(l -> Double.parseDouble(l.substring(7).trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo printed no ops/s: " + output));
    }

    /**
     * Streams {@code mode} (a built-in profile, "jdk" for the JDK's default.jfc, or the path of a
     * {@code .jfc} file) live into a model.
     */
    private static LiveSession stream(Connection connection, String mode, List<Long> delays) throws Exception {
        SettingsProfile profile = mode.equals("jdk")
                ? SettingsProfile.fromFile(Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc"))
                : mode.endsWith(".jfc") ? SettingsProfile.fromFile(Path.of(mode))
                : SettingsProfile.builtIn(mode);
        int[] seen = {0};
        ModelSink model = new ModelSink("bench", snapshot -> {
            long now = System.currentTimeMillis();
            SampleTable cpu = snapshot.samples("jdk.ExecutionSample");
            int length = cpu == null ? 0 : cpu.length();
            for (int i = seen[0]; i < length; i++) {
                delays.add(now - cpu.time(i) / 1_000_000);
            }
            seen[0] = length;
        });
        return LiveSession.start(connection, profile, Files.createTempDirectory("bench"), model);
    }

    /** Connects over JMX to the demo's agent on {@code port}, which opens a moment after the JVM starts. */
    private static Connection remote(int port) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                return Connection.remote(new RemoteAddress("127.0.0.1", port, null, null, false), Duration.ofSeconds(30));
            } catch (ConnectionException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
