package dev.vitals.model.finding;

import java.util.List;

/**
 * A rule that could not run over a recording, and what would let it run.
 *
 * @param ruleId     the rule's id
 * @param name       the rule's name
 * @param reason     one sentence: why it could not run
 * @param eventTypes the event types it needs that the recording lacks
 * @param settings   recording settings that would enable it ({@code jdk.ClassLoad#enabled=true})
 */
public record SkippedRule(String ruleId, String name, String reason, List<String> eventTypes, List<String> settings) {
    public SkippedRule {
        eventTypes = List.copyOf(eventTypes);
        settings = List.copyOf(settings);
    }
}
