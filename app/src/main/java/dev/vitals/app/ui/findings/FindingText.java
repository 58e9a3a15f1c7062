package dev.vitals.app.ui.findings;

import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.SkippedRule;
import java.time.Instant;
import java.util.Locale;

/** Findings in words, as the Findings view lists and details them. */
final class FindingText {
    private FindingText() {
    }

    /** {@code WARNING  87  GC Pauses — The longest GC pause was 1.2 s.} */
    static String line(Finding f) {
        String score = f.hasScore() ? String.format(Locale.ROOT, "%3.0f", f.score()) : "  –";
        return String.format(Locale.ROOT, "%-7s %s  %s — %s", f.severity().label().toUpperCase(Locale.ROOT), score,
                f.name(), f.summary());
    }

    static String line(SkippedRule s) {
        return s.name() + " — " + s.reason() + (s.settings().isEmpty() ? "" : "  Enable: " + String.join(", ",
                s.settings()));
    }

    /** The summary, explanation, suggested fix and what the finding points at. */
    static String detail(Finding f) {
        StringBuilder text = new StringBuilder(f.summary());
        if (!f.explanation().isBlank()) {
            text.append("\n\n").append(f.explanation());
        }
        if (!f.solution().isBlank()) {
            text.append("\n\nSuggested fix: ").append(f.solution());
        }
        Evidence e = f.evidence();
        if (!e.isEmpty()) {
            text.append("\n\nEvidence:");
            if (e.hasSpan()) {
                text.append("\n  span ").append(Instant.ofEpochSecond(0, e.fromNanos())).append(" – ")
                        .append(Instant.ofEpochSecond(0, e.toNanos()));
            }
            if (!e.threads().isEmpty()) {
                text.append("\n  threads ").append(String.join(", ", e.threads()));
            }
            if (e.eventType() != null) {
                text.append("\n  events ").append(e.eventType());
            }
            if (e.frame() != null) {
                text.append("\n  frame ").append(e.frame());
            }
            if (e.className() != null) {
                text.append("\n  class ").append(e.className());
            }
        }
        text.append("\n\nRule: ").append(f.ruleId()).append(f.hasScore()
                ? String.format(Locale.ROOT, " · score %.1f of 100", f.score()) : "");
        return text.toString();
    }
}
