package dev.vitals.model.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects on a JVM's heap by class at one moment ({@code GC.class_histogram}). Immutable.
 *
 * @param takenEpochMillis when it was taken
 * @param liveOnly         only reachable objects (the JVM collected garbage first); false: every object on the heap
 * @param rows             one row per class, largest first as the JVM lists them
 */
public record HeapHistogram(long takenEpochMillis, boolean liveOnly, List<HistogramRow> rows) {
    /** {@code    1:          5030        2345678  [B (java.base@25.0.1)}; the module part is absent before JDK 9. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)(?:\\s+\\((.*)\\))?\\s*$");

    public HeapHistogram {
        rows = List.copyOf(rows);
    }

    /**
     * Reads the text {@code GC.class_histogram} prints (the same as {@code jmap -histo}). Lines that
     * are not rows (the header, the ruler, the total) are skipped.
     *
     * @throws IllegalArgumentException when the text holds no row at all, with its first line
     */
    public static HeapHistogram parse(String text, long takenEpochMillis, boolean liveOnly) {
        List<HistogramRow> rows = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(new HistogramRow(m.group(3), m.group(4) == null ? "" : m.group(4),
                        Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
            }
        }
        if (rows.isEmpty()) {
            String first = text.lines().findFirst().orElse("").strip();
            throw new IllegalArgumentException("not a class histogram: " + (first.isEmpty() ? "empty output" : first));
        }
        return new HeapHistogram(takenEpochMillis, liveOnly, rows);
    }

    public long totalInstances() {
        return rows.stream().mapToLong(HistogramRow::instances).sum();
    }

    public long totalBytes() {
        return rows.stream().mapToLong(HistogramRow::bytes).sum();
    }
}
