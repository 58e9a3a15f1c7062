package dev.vitals.app.cli;

import dev.vitals.model.finding.FindingSeverity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A finding severity on the command line: {@code ok}, {@code info} or {@code warning}, any case. */
final class SeverityConverter implements ITypeConverter<FindingSeverity> {
    @Override
    public FindingSeverity convert(String value) {
        try {
            return FindingSeverity.ofLabel(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
