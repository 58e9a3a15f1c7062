package dev.vitals.analysis;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.finding.EvidenceSelection;
import dev.vitals.model.finding.SkippedRule;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Vitals' own rules where JMC 9.1.2 has none, on recordings made here from real JVMs (this JDK,
 * 25 or later), held to what the JDK's own {@code jfr print} reads in them: virtual threads pinned
 * while they sleep in class initializers ({@link PinningWorkload}), and the samples JDK 25's
 * CPU-time sampler lost with more busy threads than cores ({@link CpuBurner}).
 */
class OwnRulesTest {
    private static final Path JAVA_BIN = Path.of(System.getProperty("java.home"), "bin");
    private static final Pattern DURATION = Pattern.compile("\"duration\": \"(PT[^\"]+)\"");
    private static final Pattern EVENT_THREAD = Pattern.compile("eventThread = \"([^\"]*)\"");
    private static final Pattern LOST = Pattern.compile("lostSamples = (\\d+)");
    private static final Pattern SUMMARY_COUNT = Pattern.compile("^\\s*(\\S+)\\s+(\\d+)\\s+\\d+\\s*$", Pattern.MULTILINE);

    @Test
    void pinnedVirtualThreadsAreCountedTimedAndPointAtTheirStacksAndThreads(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("pinned.jfr");
        run(dir, List.of("-XX:StartFlightRecording:filename=" + recording + ",settings=default,"
                + "+jdk.VirtualThreadPinned#threshold=0ms", "-cp", classes(), PinningWorkload.class.getName()));

        // the truth: the JDK's own reading of the recording
        String json = jfr("print", "--json", "--stack-depth", "1", "--events", "jdk.VirtualThreadPinned", recording.toString());
        List<Duration> durations = new ArrayList<>();
        for (Matcher m = DURATION.matcher(json); m.find(); ) {
            durations.add(Duration.parse(m.group(1)));
        }
        Set<String> threads = new TreeSet<>();
        for (Matcher m = EVENT_THREAD.matcher(jfr("print", "--events", "jdk.VirtualThreadPinned", recording.toString()));
             m.find(); ) {
            threads.add(m.group(1));
        }
        long totalNanos = durations.stream().mapToLong(Duration::toNanos).sum();
        assertThat(durations).as("one pinned block per class initializer").hasSize(4);
        assertThat(threads).containsExactly("pinned-1", "pinned-2", "pinned-3", "pinned-4");

        Findings findings = analyze(recording);
        Finding pinning = findings.of("vitals.VirtualThreadPinning");
        assertThat(pinning.summary()).startsWith("4 pinned virtual-thread blocks took " + millis(totalNanos) + " in all")
                .contains("dev.vitals.analysis.PinningWorkload.blockInInitializer");
        // 1.4 s pinned of a run of a few seconds on one or two carriers: far above 15 % of their time
        assertThat(pinning.severity()).isEqualTo(FindingSeverity.WARNING);
        var evidence = pinning.evidence();
        assertThat(evidence.eventType()).isEqualTo("jdk.VirtualThreadPinned");
        assertThat(evidence.frame()).isEqualTo("dev.vitals.analysis.PinningWorkload.blockInInitializer");
        assertThat(new TreeSet<>(evidence.threads())).isEqualTo(threads);
        assertThat(evidence.toNanos() - evidence.fromNanos()).isGreaterThanOrEqualTo(durations.stream()
                .mapToLong(Duration::toNanos).max().orElseThrow());

        // selected, the finding narrows the session to the pinned blocks: their type, threads and frame
        ProfileSnapshot snapshot = JfrFiles.importFile(recording).snapshot();
        Selection selection = EvidenceSelection.of(pinning, snapshot);
        assertThat(selection.events()).isEqualTo(new EventSelector.OfType("jdk.VirtualThreadPinned"));
        assertThat(selection.threads().stream().map(t -> snapshot.threads().name(t)).toList())
                .containsExactlyInAnyOrderElementsOf(threads);
        assertThat(selection.frameFilter()).isEqualTo("dev.vitals.analysis.PinningWorkload.blockInInitializer");
        assertThat(CallTrees.topDown(snapshot, selection.withFrameFilter(null)).total(0))
                .as("the flame graph of the pinned stacks, weighted by their time").isEqualTo(totalNanos);
    }

    @Test
    void aRecordingWithoutPinningEventsSaysWhichSettingRecordsThem() throws Exception {
        // JDK 17 has no virtual threads, nor the CPU-time sampler
        Findings jdk17 = analyze(RecordingAnalyzerTest.RECORDINGS.resolve("demo-jdk17-default.jfr"));
        SkippedRule pinning = skipped(jdk17, "vitals.VirtualThreadPinning");
        assertThat(pinning.reason()).isEqualTo("The recording has no jdk.VirtualThreadPinned events (virtual threads: JDK 21 or later).");
        assertThat(pinning.settings()).containsExactly("jdk.VirtualThreadPinned#enabled=true");
        // JDK 25 recorded with the profile settings: pinning recorded (none happened), the sampler off
        Findings jdk25 = analyze(RecordingAnalyzerTest.RECORDINGS.resolve("demo-jdk25-profile.jfr"));
        assertThat(jdk25.of("vitals.VirtualThreadPinning").severity()).isEqualTo(FindingSeverity.OK);
        SkippedRule lost = skipped(jdk25, "vitals.LostCpuTimeSamples");
        assertThat(lost.reason()).startsWith("The recording has no jdk.CPUTimeSample events");
        assertThat(lost.settings()).contains("jdk.CPUTimeSample#enabled=true");
    }

    @Test
    void lostCpuTimeSamplesAreCountedAgainstTheSamplesTaken(@TempDir Path dir) throws Exception {
        Path recording = dir.resolve("cpu-time.jfr");
        run(dir, List.of("-XX:StartFlightRecording:filename=" + recording + ",+jdk.CPUTimeSample#enabled=true,"
                + "+jdk.CPUTimeSample#throttle=1ms,+jdk.CPUTimeSamplesLost#enabled=true", "-cp", classes(),
                CpuBurner.class.getName(), "16", "3000"));

        long taken = 0;
        for (Matcher m = SUMMARY_COUNT.matcher(jfr("summary", recording.toString())); m.find(); ) {
            if (m.group(1).equals("jdk.CPUTimeSample")) {
                taken = Long.parseLong(m.group(2));
            }
        }
        long lost = 0;
        for (Matcher m = LOST.matcher(jfr("print", "--events", "jdk.CPUTimeSamplesLost", recording.toString())); m.find(); ) {
            lost += Long.parseLong(m.group(1));
        }
        assertThat(taken).as("CPU-time samples recorded").isPositive();

        Finding finding = analyze(recording).of("vitals.LostCpuTimeSamples");
        if (lost == 0) {
            assertThat(finding.summary()).isEqualTo(String.format(Locale.ROOT,
                    "The CPU-time sampler lost none of its %,d samples.", taken));
            assertThat(finding.severity()).isEqualTo(FindingSeverity.OK);
        } else {
            double share = 100.0 * lost / (lost + taken);
            assertThat(finding.summary()).isEqualTo(String.format(Locale.ROOT,
                    "The CPU-time sampler lost %,d of %,d samples (%.1f %%).", lost, lost + taken, share));
            assertThat(finding.score()).isCloseTo(Math.min(100, share * 5), offset(1e-9));
            assertThat(finding.evidence().eventType()).isEqualTo("jdk.CPUTimeSample");
            assertThat(finding.evidence().hasSpan()).isTrue();
        }
    }

    private static Findings analyze(Path recording) throws Exception {
        return new RecordingAnalyzer(2).analyze(List.of(recording), AnalysisProgress.NONE, () -> false);
    }

    private static SkippedRule skipped(Findings findings, String ruleId) {
        return findings.skipped().stream().filter(s -> s.ruleId().equals(ruleId)).findFirst().orElseThrow();
    }

    /** The rules' own way of writing a duration (whole milliseconds from 10 ms). */
    private static String millis(long nanos) {
        return nanos / 1_000_000 + " ms";
    }

    private static String classes() throws Exception {
        return Path.of(PinningWorkload.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Runs this JDK's {@code java} with {@code args} in {@code dir} and waits for it (at most a minute). */
    private static void run(Path dir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA_BIN.resolve("java").toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm.log").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("jvm.log"))).isZero();
    }

    /** The output of this JDK's {@code jfr} tool. */
    private static String jfr(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA_BIN.resolve("jfr").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
