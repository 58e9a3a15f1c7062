package dev.vitals.analysis;

import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.finding.SkippedRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The analysis of the demo workload's recording reports its known problems, with their evidence. */
class RecordingAnalyzerTest {
    static final Path RECORDINGS = Path.of(System.getProperty("vitals.recordings"));
    static Findings demo;

    @BeforeAll
    static void analyseDemo() throws Exception {
        demo = new RecordingAnalyzer(2).analyze(List.of(RECORDINGS.resolve("demo-jdk25-profile.jfr")),
                AnalysisProgress.NONE, () -> false);
    }

    @Test
    void rulesAreFoundThroughTheirService() {
        assertThat(RecordingAnalyzer.ruleCount()).isGreaterThan(60);
    }

    @Test
    void lockContentionBetweenTheContendersPointsAtTheirMonitorEvents() {
        Finding blocking = demo.of("JavaBlocking");
        assertThat(blocking.severity()).isGreaterThanOrEqualTo(FindingSeverity.INFO);
        assertThat(blocking.summary()).contains("blocked on locks");
        assertThat(blocking.evidence().eventType()).isEqualTo("jdk.JavaMonitorEnter");
        assertThat(blocking.evidence().threads()).contains("contender-1", "contender-2");
        assertThat(blocking.evidence().className()).isEqualTo("java.lang.Object");
    }

    @Test
    void theScheduledSpikesAreSlowRequestsSpentInWorkSpike() {
        Finding slow = demo.of("vitals.SlowEvents");
        assertThat(slow.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(slow.summary()).contains("dev.vitals.demo.Request");
        Evidence e = slow.evidence();
        assertThat(e.eventType()).isEqualTo("dev.vitals.demo.Request");
        assertThat(e.frame()).isEqualTo("dev.vitals.demo.Work.spike");
        assertThat(e.threads()).hasSize(1);
        assertThat(e.toNanos() - e.fromNanos()).isBetween(300_000_000L, 400_000_000L);
    }

    @Test
    void allocationPathPointsAtWorkAllocate() {
        Finding allocations = demo.of("Allocations.class");
        assertThat(allocations.severity()).isGreaterThanOrEqualTo(FindingSeverity.INFO);
        assertThat(allocations.evidence().frame()).isEqualTo("dev.vitals.demo.Work.allocate");
        assertThat(allocations.evidence().className()).isEqualTo("byte[]");
        assertThat(demo.of("Allocations.thread").evidence().threads()).containsExactly("worker-1");
    }

    @Test
    void findingsAreWorstFirstAndCarryTheRulesText() {
        List<Finding> sorted = new ArrayList<>(demo.findings());
        sorted.sort(Finding.WORST_FIRST);
        assertThat(demo.findings()).isEqualTo(sorted);
        assertThat(demo.findings().getFirst().severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(demo.findings()).allSatisfy(f -> assertThat(f.summary()).isNotBlank().doesNotContain("{"));
        assertThat(demo.fromNanos()).isPositive().isLessThan(demo.toNanos());
    }

    @Test
    void rulesThatCouldNotRunSayWhichEventsWouldEnableThem() {
        SkippedRule classLoading = demo.skipped().stream().filter(s -> s.ruleId().equals("ClassLoading")).findFirst()
                .orElseThrow();
        assertThat(classLoading.eventTypes()).containsExactly("jdk.ClassLoad");
        assertThat(classLoading.settings()).containsExactly("jdk.ClassLoad#enabled=true");
        assertThat(classLoading.reason()).isEqualTo("The recording has no jdk.ClassLoad events.");
        // recorded (the profile settings enable it) but none happened: no setting to suggest
        SkippedRule fileForce = demo.skipped().stream().filter(s -> s.ruleId().equals("FileForce")).findFirst()
                .orElseThrow();
        assertThat(fileForce.reason()).isEqualTo("The recording has no jdk.FileForce events (recorded, but none occurred).");
        assertThat(fileForce.settings()).isEmpty();
    }

    @Test
    void theLastSecondsHoldOnlyTheirEvents() throws Exception {
        Path demoFile = RECORDINGS.resolve("demo-jdk25-profile.jfr");
        Findings last = new RecordingAnalyzer(1).analyzeLast(List.of(demoFile), Duration.ofSeconds(2),
                AnalysisProgress.NONE, () -> false);
        // the rules still know the JVM and the settings (the JVM-describing events are kept) ...
        assertThat(last.findings().size() + last.skipped().size()).isEqualTo(RecordingAnalyzer.ruleCount());
        assertThat(last.of("JavaBlocking")).isNotNull();
        // ... but count only the window's blocking: less than over the whole recording
        assertThat(last.of("JavaBlocking").summary()).isNotEqualTo(demo.of("JavaBlocking").summary());
        assertThat(last.of("vitals.SlowEvents").evidence().fromNanos())
                .isGreaterThanOrEqualTo(demo.toNanos() - 2_000_000_000L - 400_000_000L);
    }

    @Test
    void cancelledAnalysisStops() {
        assertThatThrownBy(() -> new RecordingAnalyzer(1).analyze(List.of(RECORDINGS.resolve("demo-jdk25-profile.jfr")),
                AnalysisProgress.NONE, () -> true)).isInstanceOf(CancellationException.class);
    }

    @Test
    void progressCountsEveryRule() throws Exception {
        List<int[]> updates = new ArrayList<>();
        new RecordingAnalyzer(1).analyze(List.of(RECORDINGS.resolve("demo-jdk17-default.jfr")),
                (done, total) -> updates.add(new int[]{done, total}), () -> false);
        assertThat(updates.getFirst()).containsExactly(0, 0);
        assertThat(updates.getLast()).containsExactly(RecordingAnalyzer.ruleCount(), RecordingAnalyzer.ruleCount());
    }

    @Test
    void aFileThatIsNoRecordingIsOneSentence(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("notes.jfr"), "not a recording");
        assertThatThrownBy(() -> new RecordingAnalyzer(1).analyze(List.of(bad), AnalysisProgress.NONE, () -> false))
                .isInstanceOf(AnalysisException.class).hasMessageStartingWith(bad + " cannot be analysed: ");
    }
}
