package dev.vitals.model.jfr.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The periodic JDK events whose numeric fields become {@link dev.vitals.model.Series}: CPU load,
 * heap, GC, threads, class loading. A series is named "eventType.name".
 *
 * @param field the event field, a dotted path for a nested one ({@code heapSpace.committedSize})
 * @param unit  "percent" (0..1), "bytes" or "count"
 * @param name  the series' name after the event type (the field's name unless filtered)
 * @param when  the value the event's {@code when} field must have ({@code "After GC"}), or null for every event
 */
public record SeriesSpec(String field, String unit, String name, String when) {
    /** The series of heap used after each GC ({@code jdk.GCHeapSummary} with {@code when = "After GC"}). */
    public static final String HEAP_AFTER_GC = "jdk.GCHeapSummary.heapUsedAfterGC";
    /** The committed heap at each GC's end. */
    public static final String COMMITTED_AFTER_GC = "jdk.GCHeapSummary.committedAfterGC";
    /** The reserved (maximum) heap at each GC's end. */
    public static final String MAX_AFTER_GC = "jdk.GCHeapSummary.reservedAfterGC";

    /** Series fields by event type. */
    public static final Map<String, List<SeriesSpec>> BY_EVENT_TYPE = Map.of(
            "jdk.CPULoad", List.of(of("jvmUser", "percent"), of("jvmSystem", "percent"), of("machineTotal", "percent")),
            "jdk.GCHeapSummary", List.of(of("heapUsed", "bytes"),
                    new SeriesSpec("heapUsed", "bytes", "heapUsedAfterGC", "After GC"),
                    new SeriesSpec("heapSpace.committedSize", "bytes", "committedAfterGC", "After GC"),
                    new SeriesSpec("heapSpace.reservedSize", "bytes", "reservedAfterGC", "After GC")),
            "jdk.JavaThreadStatistics", List.of(of("activeCount", "count"), of("daemonCount", "count")),
            "jdk.ClassLoadingStatistics", List.of(of("loadedClassCount", "count"), of("unloadedClassCount", "count")),
            "jdk.PhysicalMemory", List.of(of("usedSize", "bytes")),
            "jdk.GCHeapMemoryUsage", List.of(of("used", "bytes"), of("committed", "bytes")));

    private static SeriesSpec of(String field, String unit) {
        return new SeriesSpec(field, unit, field, null);
    }

    /** All series names this spec can produce. */
    public static List<String> allNames() {
        return BY_EVENT_TYPE.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(s -> e.getKey() + "." + s.name()))
                .sorted().collect(Collectors.toList());
    }
}
