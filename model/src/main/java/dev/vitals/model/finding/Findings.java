package dev.vitals.model.finding;

import java.util.List;

/**
 * The findings of one analysis: every rule that ran, worst first, and the rules that could not.
 *
 * @param findings  one per rule that ran, sorted by {@link Finding#WORST_FIRST}
 * @param skipped   the rules that could not run, by rule id
 * @param fromNanos start of the recording span analysed, epoch nanos
 * @param toNanos   its end
 */
public record Findings(List<Finding> findings, List<SkippedRule> skipped, long fromNanos, long toNanos) {
    public Findings {
        findings = findings.stream().sorted(Finding.WORST_FIRST).toList();
        skipped = List.copyOf(skipped);
    }

    /** The findings of at least this severity, worst first. */
    public List<Finding> atLeast(FindingSeverity min) {
        return findings.stream().filter(f -> f.severity().compareTo(min) >= 0).toList();
    }

    /** The worst severity found, {@link FindingSeverity#OK} if there is no finding. */
    public FindingSeverity worst() {
        return findings.isEmpty() ? FindingSeverity.OK : findings.getFirst().severity();
    }

    /** The finding of a rule, or {@code null}. */
    public Finding of(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElse(null);
    }
}
