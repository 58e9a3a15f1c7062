package dev.vitals.model.jfr.internal;

import dev.vitals.model.SampleKind;
import dev.vitals.model.internal.ProfileStore;

import java.util.List;
import java.util.Set;

/**
 * What the importer does with the events of one event type, decided once per type: samples
 * (with their thread field and weight field), series values, intervals (any type with a duration
 * or a stack trace, and every non-JDK type, keeping their fields), JVM information, or nothing but
 * a count.
 *
 * @param name        the event type name
 * @param role        what becomes of its events
 * @param kind        the sample kind (samples only)
 * @param threadField the thread field of samples: {@code sampledThread} or {@code eventThread}
 * @param weightField the weight field of samples, {@code null} for weight 1
 * @param series      the series fields (series only)
 * @param typeIndex   the interval type index (intervals only, else -1)
 * @param keptFields  names of the fields kept for intervals
 */
public record EventHandler(String name, Role role, SampleKind kind, String threadField, String weightField,
                           List<SeriesSpec> series, int typeIndex, List<String> keptFields) {
    private static final Set<String> COLUMN_FIELDS = Set.of("startTime", "duration", "eventThread", "stackTrace");

    /** What becomes of an event. */
    public enum Role { SAMPLE, SERIES, INTERVAL, INFO, COUNT_ONLY }

    /**
     * Decides the handling of one event type, registering interval types with the store. JDK 9 and
     * 10 named the JDK's types {@code com.oracle.jdk.*}: they are handled as their {@code jdk.*}
     * successors (and keep their own names).
     *
     * @param fieldNames the type's fields in order
     */
    public static EventHandler of(String name, String label, List<String> fieldNames, ProfileStore store) {
        String jdkName = name.startsWith("com.oracle.jdk.") ? name.substring("com.oracle.".length()) : name;
        boolean hasStack = fieldNames.contains("stackTrace");
        SampleKind kind = SampleKind.ofEventType(jdkName);
        if (kind != null) {
            String threadField = fieldNames.contains("sampledThread") ? "sampledThread" : "eventThread";
            String weightField = switch (jdkName) {
                case "jdk.ObjectAllocationSample" -> "weight";
                case "jdk.ObjectAllocationInNewTLAB" -> "tlabSize";
                case "jdk.ObjectAllocationOutsideTLAB" -> "allocationSize";
                case "profiler.WallClockSample" -> "samples";
                default -> null;
            };
            if (weightField != null && !fieldNames.contains(weightField)) {
                weightField = null;
            }
            return new EventHandler(name, Role.SAMPLE, kind, threadField, weightField, List.of(), -1, List.of());
        }
        List<SeriesSpec> specs = SeriesSpec.BY_EVENT_TYPE.getOrDefault(jdkName, List.of()).stream()
                .filter(s -> fieldNames.contains(s.field().split("\\.")[0])).toList();
        if (!specs.isEmpty()) {
            return new EventHandler(name, Role.SERIES, null, null, null, specs, -1, List.of());
        }
        if (jdkName.equals("jdk.JVMInformation")) {
            return new EventHandler(name, Role.INFO, null, null, null, List.of(), -1, List.of());
        }
        if (fieldNames.contains("duration") || hasStack || !jdkName.startsWith("jdk.")) {
            List<String> kept = fieldNames.stream().filter(f -> !COLUMN_FIELDS.contains(f)).toList();
            int typeIndex = store.eventType(name, label, kept);
            return new EventHandler(name, Role.INTERVAL, null, null, null, List.of(), typeIndex, kept);
        }
        return new EventHandler(name, Role.COUNT_ONLY, null, null, null, List.of(), -1, List.of());
    }
}
