package dev.vitals.model.finding;

import dev.vitals.model.session.OpenedSession;
import dev.vitals.model.session.SessionFile;
import dev.vitals.model.session.SessionManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings are saved in a session's manifest and read back as they were, without the analysis. */
class SavedFindingsTest {
    static final Path DEMO = Path.of("src/test/resources/recordings/demo-jdk25-default.jfr");

    @TempDir
    Path dir;

    static Findings findings() {
        Finding contention = new Finding("JavaBlocking", "Java Blocking", "lock_instances", FindingSeverity.INFO, 73.9,
                "Threads were blocked on locks for 7 s.", "Blocked \"threads\"\nwait.", "", new Evidence(
                1_000L, 2_000L, List.of("contender-1", "contender-2"), "jdk.JavaMonitorEnter", null, "java.lang.Object"));
        Finding halts = new Finding("VMOperations", "VM Operations", "vm_operations", FindingSeverity.OK, Double.NaN,
                "No long VM operations.", "", "Nothing to do.", Evidence.NONE);
        Finding gc = new Finding("GcInvertedParallelism", "GC Inverted Parallelism", "gc", FindingSeverity.WARNING,
                Double.NaN, "Inverted parallelism.", "", "", new Evidence(Long.MIN_VALUE, Long.MAX_VALUE, List.of(),
                null, "dev.vitals.demo.Work.allocate", null));
        SkippedRule classLoading = new SkippedRule("ClassLoading", "Class Loading", "The recording has no "
                + "jdk.ClassLoad events.", List.of("jdk.ClassLoad"), List.of("jdk.ClassLoad#enabled=true"));
        return new Findings(List.of(halts, contention, gc), List.of(classLoading), 500L, 9_000L);
    }

    @Test
    void findingsAreSortedWorstFirst() {
        assertThat(findings().findings()).extracting(Finding::ruleId)
                .containsExactly("GcInvertedParallelism", "JavaBlocking", "VMOperations");
    }

    @Test
    void sessionKeepsItsFindings() throws Exception {
        Path file = dir.resolve("s.vitals");
        SessionFile.save(file, SessionManifest.empty("0.1.0").withFindings(findings()), List.of(DEMO));

        assertThat(SessionFile.manifest(file).findings()).isEqualTo(findings());
        OpenedSession opened = SessionFile.open(file);
        assertThat(opened.manifest().findings()).isEqualTo(findings());
    }

    @Test
    void sessionWithoutFindingsReadsNone() throws Exception {
        Path file = dir.resolve("plain.vitals");
        SessionFile.save(file, SessionManifest.empty("0.1.0"), List.of(DEMO));
        assertThat(SessionFile.manifest(file).findings()).isNull();
    }
}
