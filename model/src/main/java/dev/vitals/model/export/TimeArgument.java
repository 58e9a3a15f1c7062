package dev.vitals.model.export;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses the {@code --from}/{@code --to} arguments: seconds from the recording start with an
 * {@code s} suffix ({@code 12.5s}, {@code 0s}), or an ISO-8601 instant
 * ({@code 2026-11-25T14:04:25.5Z}).
 */
public final class TimeArgument {
    private TimeArgument() {
    }

    /**
     * The time in epoch nanos.
     *
     * @throws IllegalArgumentException with a one-line message if the text is neither form
     */
    public static long parse(String text, long recordingStartNanos) {
        String t = text.strip();
        if (t.endsWith("s") && !t.contains("T")) {
            try {
                double seconds = Double.parseDouble(t.substring(0, t.length() - 1));
                return recordingStartNanos + Math.round(seconds * 1e9);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a time: '" + text + "' (use seconds like 12.5s or an ISO instant)");
            }
        }
        try {
            Instant instant = Instant.parse(t);
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time: '" + text + "' (use seconds like 12.5s or an ISO instant)");
        }
    }
}
