package dev.vitals.analysis;

import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.finding.SkippedRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.report.JfrRulesReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule by rule, the analysis gives the severity JMC's own {@link JfrRulesReport} (same library
 * version) gives for the same recording: the committed recordings and, when present, the shared
 * corpus (gzip and format 0.9 files included: JMC's loader reads both).
 */
class JmcParityTest {
    static Stream<Path> recordings() throws IOException {
        Path committed = Path.of(System.getProperty("vitals.recordings"));
        Path corpus = Path.of(System.getProperty("vitals.corpus"));
        Stream<Path> shared = Stream.empty();
        if (Files.isDirectory(corpus)) {
            shared = Files.list(corpus).filter(p -> p.toString().endsWith(".jfr") || p.toString().endsWith(".jfr.gz"));
        } else {
            System.err.println("JmcParityTest: " + corpus + " is absent; only the committed recordings are compared");
        }
        try (Stream<Path> own = Files.list(committed)) {
            return Stream.concat(own.filter(p -> p.toString().endsWith(".jfr")).toList().stream(), shared).sorted();
        }
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void sameSeverityAsJmcReport(Path recording) throws Exception {
        Map<String, String> jmc = jmcReport(recording);
        Assumptions.assumeFalse(jmc == null, () -> "JMC's report could not read " + recording);

        Findings ours = new RecordingAnalyzer(2).analyze(List.of(recording), AnalysisProgress.NONE, () -> false);

        Map<String, String> vitals = new TreeMap<>();
        for (Finding f : ours.findings()) {
            if (f.ruleId().startsWith("vitals.")) {
                continue; // Vitals' own rules, which JMC has not
            }
            vitals.put(f.ruleId(), Severity.valueOf(f.severity().name()).getLocalizedName());
        }
        // the report lists every rule of severity OK and above; IGNORE ones are skipped rules for us
        Map<String, String> ignoredByJmc = new TreeMap<>(jmc);
        ignoredByJmc.values().removeIf(s -> !s.equals(Severity.IGNORE.getLocalizedName()));
        jmc.keySet().removeAll(ignoredByJmc.keySet());
        assertThat(vitals).isEqualTo(jmc);
        assertThat(ours.skipped()).extracting(SkippedRule::ruleId).containsAll(ignoredByJmc.keySet());
        assertThat(ours.findings().size() + ours.skipped().size()).isEqualTo(RecordingAnalyzer.ruleCount());
    }

    /**
     * Rule id → localized severity name from JMC's XML report (printed to {@code System.out}), or
     * null if it reports an error for the file.
     */
    private static Map<String, String> jmcReport(Path recording) throws Exception {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(xml, true, StandardCharsets.UTF_8));
        try {
            JfrRulesReport.printReport("xml", Severity.OK, false, false, recording.toString());
        } finally {
            System.setOut(out);
        }
        String report = xml.toString(StandardCharsets.UTF_8);
        if (report.contains("<error>")) {
            return null;
        }
        Map<String, String> severities = new TreeMap<>();
        Matcher rule = RULE.matcher(report);
        while (rule.find()) {
            severities.put(rule.group(1).trim(), rule.group(2).trim());
        }
        return severities;
    }

    /** A rule element with a severity: its id and its severity (the report writes id, name, severity in order). */
    private static final Pattern RULE = Pattern.compile(
            "<rule>\\s*<id>([^<]*)</id>\\s*<name>[^<]*</name>\\s*<severity>([^<]*)</severity>");
}
