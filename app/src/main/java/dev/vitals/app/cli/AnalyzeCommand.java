package dev.vitals.app.cli;

import dev.vitals.analysis.AnalysisProgress;
import dev.vitals.app.findings.AnalysisSource;
import dev.vitals.model.export.Json;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.finding.FindingsJson;
import dev.vitals.model.session.SessionFile;
import dev.vitals.model.session.SessionManifest;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vitals analyze FILE [--json] [--min-severity S] [--fail-on S]}: JDK Mission Control's
 * automated analysis of a recording. Exit code 3 when {@code --fail-on} is given and a finding is
 * at least that severe, so a CI pipeline can gate on a recording.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse a recording: JDK Mission Control's rules (GC pauses, heap, allocation,",
                "locks, exceptions, I/O, CPU, VM options, lost buffers, ...) and Vitals' own (slow",
                "application events, pinned virtual threads, lost CPU-time samples), worst first.",
                "A .vitals session that holds its findings prints them without computing again.",
                "Exit code 3 if --fail-on is given and a finding is at least that severe."})
final class AnalyzeCommand implements Callable<Integer> {
    /** The exit code of a recording that fails the {@code --fail-on} gate. */
    static final int FAILED_GATE = 3;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A .jfr recording (or .jfr.gz), a .vitals session or a session folder.")
    Path file;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    boolean json;

    @Option(names = "--min-severity", paramLabel = "S", defaultValue = "info",
            converter = SeverityConverter.class,
            description = "Print findings of at least this severity: ok, info (default) or warning.")
    FindingSeverity minSeverity;

    @Option(names = "--fail-on", paramLabel = "S", converter = SeverityConverter.class,
            description = "Exit with 3 if a finding is at least this severe: info or warning.")
    FindingSeverity failOn;

    @Override
    public Integer call() throws Exception {
        Findings findings = saved(file);
        if (findings == null) {
            findings = AnalysisSource.analyze(file, AnalysisSource.CLI_THREADS, AnalysisProgress.NONE, () -> false);
        }
        List<Finding> shown = findings.atLeast(minSeverity);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println("{\"file\": " + Json.quote(file.toString()) + ", \"analysis\": "
                    + FindingsJson.write(new Findings(shown, findings.skipped(), findings.fromNanos(),
                    findings.toNanos())) + "}");
        } else {
            printText(out, findings, shown);
        }
        out.flush();
        return failOn != null && findings.worst().compareTo(failOn) >= 0 ? FAILED_GATE : 0;
    }

    /** The findings a session file holds, or {@code null} for a recording or a session without them. */
    private static Findings saved(Path file) throws Exception {
        if (!file.getFileName().toString().endsWith(".vitals") || !Files.isRegularFile(file)) {
            return null;
        }
        SessionManifest manifest = SessionFile.manifest(file);
        return manifest.findings();
    }

    private void printText(PrintWriter out, Findings findings, List<Finding> shown) {
        out.println(file + ": " + findings.findings().size() + " rules ran, " + findings.skipped().size()
                + " could not; " + shown.size() + " finding" + (shown.size() == 1 ? "" : "s") + " of severity "
                + minSeverity.label() + " or worse");
        for (Finding f : shown) {
            out.printf(Locale.ROOT, "%n%-7s %5s  %s (%s)%n", f.severity().label().toUpperCase(Locale.ROOT),
                    f.hasScore() ? String.format(Locale.ROOT, "%.1f", f.score()) : "-", f.name(), f.ruleId());
            out.println("  " + f.summary());
            if (f.evidence().hasSpan()) {
                out.println("  span: " + Instant.ofEpochSecond(0, f.evidence().fromNanos()) + " – "
                        + Instant.ofEpochSecond(0, f.evidence().toNanos()));
            }
            if (!f.evidence().threads().isEmpty()) {
                out.println("  threads: " + String.join(", ", f.evidence().threads()));
            }
            if (!f.solution().isBlank()) {
                out.println("  fix: " + f.solution());
            }
        }
    }
}
