package dev.vitals.model.diagnostics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two heap histograms compared class by class: what grew, what shrank, what came and went.
 * Rows are sorted by growth in bytes, largest first, then by growth in instances.
 */
public record HistogramDiff(HeapHistogram before, HeapHistogram after, List<Row> rows) {
    public HistogramDiff {
        rows = List.copyOf(rows);
    }

    /**
     * One class in either histogram; counts are 0 where it was absent.
     */
    public record Row(String className, long instancesBefore, long instancesAfter, long bytesBefore, long bytesAfter) {
        public long instancesDelta() {
            return instancesAfter - instancesBefore;
        }

        public long bytesDelta() {
            return bytesAfter - bytesBefore;
        }

        /** Whether its instance count or its bytes grew. */
        public boolean grew() {
            return instancesDelta() > 0 || bytesDelta() > 0;
        }
    }

    public static HistogramDiff of(HeapHistogram before, HeapHistogram after) {
        Map<String, long[]> byClass = new LinkedHashMap<>();
        for (HistogramRow row : before.rows()) {
            long[] counts = byClass.computeIfAbsent(row.className(), c -> new long[4]);
            counts[0] += row.instances();
            counts[2] += row.bytes();
        }
        for (HistogramRow row : after.rows()) {
            long[] counts = byClass.computeIfAbsent(row.className(), c -> new long[4]);
            counts[1] += row.instances();
            counts[3] += row.bytes();
        }
        List<Row> rows = byClass.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted(Comparator.comparingLong(Row::bytesDelta).reversed()
                        .thenComparing(Comparator.comparingLong(Row::instancesDelta).reversed()))
                .toList();
        return new HistogramDiff(before, after, rows);
    }

    /** The classes whose instance count or bytes grew, largest growth in bytes first. */
    public List<Row> grown() {
        return rows.stream().filter(Row::grew).toList();
    }

    /** Rows by class name, for lookups. */
    public Map<String, Row> byClass() {
        Map<String, Row> map = new HashMap<>();
        rows.forEach(r -> map.put(r.className(), r));
        return map;
    }
}
