package dev.vitals.app.cli;

import dev.vitals.model.export.TimeArgument;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --from}/{@code --to} value as typed: seconds from the recording start ({@code 12.5s}) or
 * an ISO instant, read by the model's {@link TimeArgument}. It is checked when the command line is
 * parsed (a bad value is a usage error) and turned into epoch nanos once the recording's start is
 * known.
 */
record TimeOption(String text) {
    /** The time in epoch nanos for a recording that starts at {@code recordingStartNanos}. */
    long at(long recordingStartNanos) {
        return TimeArgument.parse(text, recordingStartNanos);
    }

    /** picocli's converter: rejects text that is neither form. */
    static final class Converter implements ITypeConverter<TimeOption> {
        @Override
        public TimeOption convert(String value) {
            try {
                TimeArgument.parse(value, 0);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return new TimeOption(value);
        }
    }
}
