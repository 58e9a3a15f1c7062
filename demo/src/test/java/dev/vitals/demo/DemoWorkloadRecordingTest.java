package dev.vitals.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the workload as its own JVM under JFR (profile settings) and checks, from the recording,
 * that it behaves as designed: the named methods' shares, every thread state, the requests and
 * their scheduled spikes.
 */
class DemoWorkloadRecordingTest {
    @TempDir
    static Path dir;
    static List<RecordedEvent> events;
    static String output;

    @BeforeAll
    static void record() throws Exception {
        Path recording = dir.resolve("demo.jfr");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(),
                "-XX:StartFlightRecording=filename=" + recording + ",settings=profile",
                "-cp", System.getProperty("java.class.path"), DemoWorkload.class.getName(),
                "--duration", "6s", "--spike-every", "2s")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("demo finished").isTrue();
        output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        events = RecordingFile.readAllEvents(recording);
    }

    @Test
    void printsOneThroughputLineOnExit() {
        assertThat(output.lines().filter(line -> line.matches("ops/s: \\d+")).count()).as(output).isEqualTo(1);
    }

    @Test
    void workerTimeIsSixtyPercentHashThirtyPercentSort() {
        Map<String, Integer> inStack = new HashMap<>();
        int workerSamples = 0;
        for (RecordedEvent e : ofType("jdk.ExecutionSample")) {
            if (!e.getThread("sampledThread").getJavaName().startsWith("worker-")) {
                continue;
            }
            workerSamples++;
            methodsIn(e).stream().distinct().forEach(m -> inStack.merge(m, 1, Integer::sum));
        }
        assertThat(workerSamples).isGreaterThan(50);
        assertThat(share(inStack, "dev.vitals.demo.Work.hashLoop", workerSamples)).isBetween(45.0, 75.0);
        assertThat(share(inStack, "dev.vitals.demo.Work.sortLoop", workerSamples)).isBetween(18.0, 42.0);
        assertThat(share(inStack, "dev.vitals.demo.Work.allocate", workerSamples)).isBetween(2.0, 25.0);
    }

    @Test
    void everyThreadStateOccursOnItsThread() {
        assertThat(threadsOf("jdk.ThreadPark")).contains("parker");
        assertThat(threadsOf("jdk.ThreadSleep")).contains("sleeper", "contender-1", "contender-2");
        assertThat(threadsOf("jdk.JavaMonitorWait")).contains("waiter");
        assertThat(threadsOf("jdk.JavaMonitorEnter")).containsAnyOf("contender-1", "contender-2");
        assertThat(threadsOf("jdk.SocketRead")).contains("io-client");
    }

    @Test
    void requestsArriveSteadilyAndSpikeOnSchedule() {
        List<RecordedEvent> requests = ofType("dev.vitals.demo.Request");
        assertThat(requests.size()).isBetween(150, 700);
        List<RecordedEvent> spikes = requests.stream().filter(r -> r.getBoolean("spike")).toList();
        assertThat(spikes).hasSizeBetween(2, 3);
        assertThat(spikes).allSatisfy(s -> {
            assertThat(s.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(295));
            assertThat(s.getString("endpoint")).isEqualTo("/report");
        });
        assertThat(requests.stream().map(r -> r.getLong("requestId")).distinct().count()).isEqualTo(requests.size());
        long spikeSamples = ofType("jdk.ExecutionSample").stream()
                .filter(e -> methodsIn(e).contains("dev.vitals.demo.Work.spike")).count();
        assertThat(spikeSamples).isGreaterThan(20);
    }

    private static List<RecordedEvent> ofType(String type) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type)).toList();
    }

    private static List<String> threadsOf(String type) {
        return ofType(type).stream().map(e -> e.getThread().getJavaName()).distinct().toList();
    }

    private static List<String> methodsIn(RecordedEvent e) {
        List<String> methods = new ArrayList<>();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            methods.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        return methods;
    }

    private static double share(Map<String, Integer> counts, String method, int total) {
        return 100.0 * counts.getOrDefault(method, 0) / total;
    }
}
