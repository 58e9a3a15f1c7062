package dev.vitals.app.cli;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.SampleTable;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.views.ViewRenderOptions;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options that choose which stacks a command uses ({@code --event}, {@code --thread},
 * {@code --from}, {@code --to}), shared by {@code export} and {@code render}, and the model
 * {@link Selection} they make.
 */
final class SelectionOptions {
    static final String DEFAULT_EVENT = "jdk.ExecutionSample";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--event", paramLabel = "TYPE",
            description = "JFR event type (default: " + DEFAULT_EVENT + "; for render's latency view the"
                    + " application's own interval events, else " + ViewRenderOptions.DEFAULT_LATENCY_TYPE + ").")
    String event;

    @Option(names = "--thread", paramLabel = "REGEX", converter = RegexConverter.class,
            description = "Only threads whose name contains a match of REGEX.")
    String threadRegex;

    @Option(names = "--from", paramLabel = "T", converter = TimeOption.Converter.class,
            description = "Start of the range: seconds from the recording start (12.5s) or an ISO instant.")
    TimeOption from;

    @Option(names = "--to", paramLabel = "T", converter = TimeOption.Converter.class,
            description = "End of the range (exclusive), in the same forms as --from.")
    TimeOption to;

    /** The event type given, or {@code fallback}. */
    String event(String fallback) {
        return event != null ? event : fallback;
    }

    /** {@link #selection(ProfileSnapshot, Measure, String)} of the event type given, by default CPU samples. */
    Selection selection(ProfileSnapshot snapshot, Measure measure) {
        return selection(snapshot, measure, event(DEFAULT_EVENT));
    }

    /**
     * The selection of a recording these options describe, of the events of {@code event}, adding
     * up {@code measure}.
     *
     * @throws ParameterException    if the range is empty (a usage error)
     * @throws IllegalStateException if the recording has no events of the type
     */
    Selection selection(ProfileSnapshot snapshot, Measure measure, String event) {
        RecordingInfo info = snapshot.info();
        if (info.eventCounts().getOrDefault(event, 0L) == 0) {
            String withStacks = snapshot.samples().stream().filter(t -> t.length() > 0).map(SampleTable::eventType)
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException(info.source() + " has no " + event + " events"
                    + (withStacks.isEmpty() ? "" : " (samples it has: " + withStacks + ")"));
        }
        long fromNanos = from == null ? Long.MIN_VALUE : from.at(info.startNanos());
        long toNanos = to == null ? Long.MAX_VALUE : to.at(info.startNanos());
        if (fromNanos >= toNanos) {
            throw new ParameterException(command.commandLine(),
                    "the range is empty: --from " + from.text() + " is not before --to " + to.text());
        }
        Selection selection = Selection.of(new EventSelector.OfType(event)).withMeasure(measure)
                .withRange(fromNanos, toNanos);
        return threadRegex == null ? selection
                : selection.withThreads(Selection.threadsMatching(snapshot, threadRegex));
    }

    /** Accepts a regular expression that compiles; the message of one that does not says where it breaks. */
    static final class RegexConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
            return value;
        }
    }
}
