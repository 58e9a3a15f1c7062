package dev.vitals.model.jfr.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The periodic JDK events whose numeric fields become {@link dev.vitals.model.Series}: CPU load,
 * heap, GC, threads, class loading. A series is named "eventType.field".
 *
 * @param field the event field
 * @param unit  "percent" (0..1), "bytes" or "count"
 */
public record SeriesSpec(String field, String unit) {
    /** Series fields by event type. */
    public static final Map<String, List<SeriesSpec>> BY_EVENT_TYPE = Map.of(
            "jdk.CPULoad", List.of(new SeriesSpec("jvmUser", "percent"), new SeriesSpec("jvmSystem", "percent"),
                    new SeriesSpec("machineTotal", "percent")),
            "jdk.GCHeapSummary", List.of(new SeriesSpec("heapUsed", "bytes")),
            "jdk.JavaThreadStatistics", List.of(new SeriesSpec("activeCount", "count"),
                    new SeriesSpec("daemonCount", "count")),
            "jdk.ClassLoadingStatistics", List.of(new SeriesSpec("loadedClassCount", "count"),
                    new SeriesSpec("unloadedClassCount", "count")),
            "jdk.PhysicalMemory", List.of(new SeriesSpec("usedSize", "bytes")),
            "jdk.GCHeapMemoryUsage", List.of(new SeriesSpec("used", "bytes"), new SeriesSpec("committed", "bytes")));

    /** All series names this spec can produce. */
    public static List<String> allNames() {
        return BY_EVENT_TYPE.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(s -> e.getKey() + "." + s.field()))
                .sorted().collect(Collectors.toList());
    }
}
