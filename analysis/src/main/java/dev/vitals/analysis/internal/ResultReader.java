package dev.vitals.analysis.internal;

import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.SkippedRule;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.flightrecorder.rules.IRecordingSetting;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultToolkit;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns JMC's rule results into Vitals' {@link Finding}s and {@link SkippedRule}s. */
public final class ResultReader {
    private final IItemCollection items;
    private final EvidenceReader evidence;

    public ResultReader(IItemCollection items) {
        this.items = items;
        this.evidence = new EvidenceReader(items);
    }

    /** The finding of a rule that ran (severity OK, INFO or WARNING); a rule that says nothing is summed up by its name. */
    public Finding finding(IResult result) {
        IRule rule = result.getRule();
        IQuantity score = result.getResult(TypedResult.SCORE);
        String summary = text(result, result.getSummary());
        return new Finding(rule.getId(), rule.getName(), rule.getTopic(), severity(result), score == null ? Double.NaN
                : score.doubleValue(), summary.isBlank() ? rule.getName() : summary, text(result, result.getExplanation()),
                text(result, result.getSolution()), evidence.of(result));
    }

    /**
     * A rule that did not apply: the event types it needs that the recording lacks (and, for those
     * not enabled, the setting that records them), else the rule's own words.
     */
    public SkippedRule skipped(IRule rule, IResult result) {
        List<String> missing = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        boolean onlyQuiet = true;
        for (Map.Entry<String, EventAvailability> need : rule.getRequiredEvents().entrySet()) {
            EventAvailability has = RulesToolkit.getEventAvailability(items, need.getKey());
            if (has.isLessAvailableThan(need.getValue())) {
                missing.add(need.getKey());
                if (has != EventAvailability.ENABLED) {
                    settings.add(need.getKey() + "#enabled=true");
                    onlyQuiet = false;
                }
            }
        }
        for (IRecordingSetting setting : result.suggestRecordingSettings()) {
            settings.add(setting.getSettingFor() + "#" + setting.getSettingName() + "=" + setting.getSettingValue());
        }
        String reason = missing.isEmpty() ? "It did not apply: " + text(result, result.getSummary())
                : "The recording has no " + String.join(", ", missing) + " events"
                + (onlyQuiet ? " (recorded, but none occurred)." : ".");
        return new SkippedRule(rule.getId(), rule.getName(), reason, missing, settings.stream().distinct().toList());
    }

    /** A rule that failed or gave no result. */
    public static SkippedRule failed(IRule rule, String why) {
        return new SkippedRule(rule.getId(), rule.getName(), "The rule could not be evaluated: " + why + ".", List.of(),
                List.of());
    }

    private static FindingSeverity severity(IResult result) {
        return switch (result.getSeverity()) {
            case WARNING -> FindingSeverity.WARNING;
            case INFO -> FindingSeverity.INFO;
            case OK, NA, IGNORE -> FindingSeverity.OK;
        };
    }

    /**
     * A rule's message with its result placeholders filled in, as plain text (the quotes some of
     * JMC's messages double for {@code MessageFormat} and leave doubled made single again).
     */
    private static String text(IResult result, String message) {
        return message == null ? "" : ResultToolkit.populateMessage(result, message, false).replace("''", "'");
    }
}
