package dev.vitals.bench;

import dev.vitals.attach.Connection;
import dev.vitals.attach.LiveSession;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.ModelSink;
import dev.vitals.attach.SessionEnd;
import dev.vitals.attach.SettingsProfile;
import jdk.jfr.consumer.RecordedEvent;

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
 * <p>Runs the demo (JDK of this launcher, {@code --threads 2}) for {@code seconds} per run in three
 * modes, interleaved round by round. Every run attaches (JMX connection, which costs the same in
 * every mode); then "none" records nothing, "default" streams Vitals' default profile live into the
 * model, "detailed" the detailed profile. Reports the demo's ops/s per run, the median ratio to the baseline,
 * the delay from each execution sample's start time to its arrival in the sink (median, p95), and
 * the CPU this process (the client) used per second of run, in cores: on a machine whose cores the
 * demo fills, the client's CPU is taken from the target.
 *
 * <pre>
 * mvn -B -q -pl demo,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.vitals.bench.OverheadBench demo/target/vitals-demo.jar 3 30
 * </pre>
 */
public final class OverheadBench {
    /** This process: the client side of the stream (JMX download, parsing, the model import). */
    private static final com.sun.management.OperatingSystemMXBean CLIENT =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private OverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Map<String, List<Double>> ops = new LinkedHashMap<>();
        Map<String, List<Long>> delays = new LinkedHashMap<>();
        Map<String, List<Double>> client = new LinkedHashMap<>();
        List<String> modes = List.of("none", "default", "detailed");
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < modes.size(); i++) {
                String mode = modes.get((i + round) % modes.size());
                List<Long> delay = new ArrayList<>();
                long cpuBefore = CLIENT.getProcessCpuTime();
                long wallBefore = System.nanoTime();
                double opsPerSecond = run(demo, seconds, mode, delay);
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

    private static double run(Path demo, int seconds, String mode, List<Long> delays) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", demo.toString(), "--threads", "2",
                "--duration", seconds + "s").redirectErrorStream(true).start();
        LiveSession session = null;
        while (LocalJvms.describe(process.pid()).isEmpty()) {
            Thread.sleep(20);
        }
        Connection connection = Connection.attach(process.pid(), Duration.ofSeconds(60));
        if (!mode.equals("none")) {
            ModelSink model = ModelSink.newModel("bench");
            List<Long> sink = delays;
            session = LiveSession.start(connection, SettingsProfile.builtIn(mode), Files.createTempDirectory("bench"),
                    new dev.vitals.attach.EventSink() {
                        @Override
                        public void accept(RecordedEvent event) {
                            if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                                sink.add(System.currentTimeMillis() - event.getStartTime().toEpochMilli());
                            }
                            model.accept(event);
                        }

                        @Override
                        public void flushed() {
                            model.flushed();
                        }
                    });
        }
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(seconds + 30L, TimeUnit.SECONDS);
        if (session != null) {
            SessionEnd end = session.awaitEnd(Duration.ofSeconds(15)).orElseGet(session::stop);
            if (end.reason() != SessionEnd.Reason.TARGET_EXITED) {
                System.out.println("  session ended: " + end.message());
            }
        }
        connection.close();
        return Arrays.stream(output.split("\n")).filter(l -> l.startsWith("ops/s: "))
                .mapToDouble(l -> Double.parseDouble(l.substring(7).trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo printed no ops/s: " + output));
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
