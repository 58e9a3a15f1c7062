package dev.vitals.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.analysis.AnalysisProgress;
import dev.vitals.analysis.RecordingAnalyzer;
import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.session.SessionFile;
import dev.vitals.model.session.SessionManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code vitals analyze}: the analysis's findings (which {@code JmcParityTest} holds to JMC's own
 * report) as text and JSON, the severity floor and the CI gate's exit code.
 */
class AnalyzeCommandTest {
    static final List<String> ALL = TestRecordings.ALL;
    static final Path PROFILE = TestRecordings.path("demo-jdk25-profile");

    @ParameterizedTest
    @FieldSource("ALL")
    @SuppressWarnings("unchecked")
    void jsonHasEveryRuleWithTheAnalysisSeverity(String recording) throws Exception {
        Path file = TestRecordings.path(recording);
        Cli cli = Cli.run("analyze", "--json", "--min-severity", "ok", file.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Map<String, Object> analysis = (Map<String, Object>) TestJson.object(cli.out()).get("analysis");
        Map<String, String> printed = new TreeMap<>();
        for (Object o : (List<Object>) analysis.get("findings")) {
            Map<String, Object> f = (Map<String, Object>) o;
            printed.put((String) f.get("ruleId"), (String) f.get("severity"));
            assertThat(f).containsKeys("name", "score", "summary", "fromNanos", "toNanos", "threads");
        }
        Findings expected = new RecordingAnalyzer(1).analyze(List.of(file), AnalysisProgress.NONE, () -> false);
        assertThat(printed).isEqualTo(expected.findings().stream()
                .collect(Collectors.toMap(Finding::ruleId, f -> f.severity().label(), (a, b) -> a, TreeMap::new)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContentionFindingNamesTheContenders() {
        Cli cli = Cli.run("analyze", "--json", PROFILE.toString());
        List<Object> findings = (List<Object>) ((Map<String, Object>) TestJson.object(cli.out()).get("analysis"))
                .get("findings");
        Map<String, Object> blocking = findings.stream().map(o -> (Map<String, Object>) o)
                .filter(f -> f.get("ruleId").equals("JavaBlocking")).findFirst().orElseThrow();
        assertThat((List<Object>) blocking.get("threads")).contains("contender-1", "contender-2");
        assertThat(findings).allSatisfy(o -> assertThat(((Map<String, Object>) o).get("severity")).isNotEqualTo("ok"));
    }

    @Test
    void textListsFindingsWorstFirstWithTheirFix() {
        Cli cli = Cli.run("analyze", "--min-severity", "warning", PROFILE.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("WARNING").doesNotContain("\nINFO").contains("(GcInvertedParallelism)");
    }

    @Test
    void failOnGatesOnTheWorstFinding() throws Exception {
        Findings findings = new RecordingAnalyzer(1).analyze(List.of(PROFILE), AnalysisProgress.NONE, () -> false);
        assertThat(findings.worst()).isEqualTo(FindingSeverity.WARNING);
        assertThat(Cli.run("analyze", "--fail-on", "warning", PROFILE.toString()).exitCode())
                .isEqualTo(AnalyzeCommand.FAILED_GATE);
        assertThat(Cli.run("analyze", PROFILE.toString()).exitCode()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSessionPrintsItsSavedFindingsAndOneWithoutThemIsAnalysed(@TempDir Path dir) throws Exception {
        Finding saved = new Finding("Saved.Rule", "Saved", "", FindingSeverity.WARNING, 80, "kept in the session", "",
                "", Evidence.NONE);
        Path withFindings = dir.resolve("with.vitals");
        SessionFile.save(withFindings, SessionManifest.empty("0.1.0")
                .withFindings(new Findings(List.of(saved), List.of(), 0, 1)), List.of(PROFILE));
        Cli cli = Cli.run("analyze", "--json", withFindings.toString());
        List<Object> findings = (List<Object>) ((Map<String, Object>) TestJson.object(cli.out()).get("analysis"))
                .get("findings");
        assertThat(findings).extracting(o -> ((Map<String, Object>) o).get("ruleId")).containsExactly("Saved.Rule");

        Path without = dir.resolve("without.vitals");
        SessionFile.save(without, SessionManifest.empty("0.1.0"), List.of(PROFILE));
        assertThat(Cli.run("analyze", "--min-severity", "warning", without.toString()).out())
                .contains("(vitals.SlowEvents)").contains("(GcInvertedParallelism)");
    }

    @Test
    void badInputIsOneLine() {
        Cli severity = Cli.run("analyze", "--fail-on", "severe", PROFILE.toString());
        assertThat(severity.exitCode()).isEqualTo(2);
        assertThat(severity.err()).contains("unknown severity 'severe' (expected ok, info or warning)");
        Cli missing = Cli.run("analyze", "nowhere.jfr");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("vitals: ").contains("nowhere.jfr").doesNotContain("\n");
    }
}
