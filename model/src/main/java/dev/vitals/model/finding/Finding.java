package dev.vitals.model.finding;

import java.util.Comparator;

/**
 * One rule's result over a recording, in the rule's own words.
 *
 * @param ruleId      the rule's id ({@code JavaBlocking}, {@code vitals.SlowEvents}, ...)
 * @param name        the rule's name
 * @param topic       the rule's topic (its group: {@code lock_instances}, {@code heap}, ...), "" if none
 * @param severity    how bad it is
 * @param score       the rule's score, 0–100, or {@link Double#NaN} when the rule gives none
 * @param summary     one line, the rule's own text
 * @param explanation the rule's explanation, "" if none
 * @param solution    what to do about it, "" if nothing
 * @param evidence    what it points at
 */
public record Finding(String ruleId, String name, String topic, FindingSeverity severity, double score,
                      String summary, String explanation, String solution, Evidence evidence) {
    /** Worst first, then by score (highest first; none last), then by rule id. */
    public static final Comparator<Finding> WORST_FIRST = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::sortScore, Comparator.reverseOrder())
            .thenComparing(Finding::ruleId);

    public Finding {
        topic = topic == null ? "" : topic;
        explanation = explanation == null ? "" : explanation;
        solution = solution == null ? "" : solution;
        summary = summary == null ? "" : summary;
    }

    /** True if the rule gave a score. */
    public boolean hasScore() {
        return !Double.isNaN(score);
    }

    private double sortScore() {
        return hasScore() ? score : -1;
    }
}
