package dev.vitals.model.finding;

import java.util.Locale;

/**
 * How bad a finding is, in rising order (JDK Mission Control's rule severities without "not
 * applicable", which is a {@link SkippedRule}, and "ignore").
 */
public enum FindingSeverity {
    /** The rule ran and found nothing wrong. */
    OK,
    /** Worth knowing; not necessarily a problem. */
    INFO,
    /** A likely problem. */
    WARNING;

    /** The lower-case name used on the command line and in JSON ({@code ok}, {@code info}, {@code warning}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity named by {@link #label()} (any case); throws {@link IllegalArgumentException} otherwise. */
    public static FindingSeverity ofLabel(String label) {
        for (FindingSeverity s : values()) {
            if (s.label().equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + label + "' (expected ok, info or warning)");
    }
}
