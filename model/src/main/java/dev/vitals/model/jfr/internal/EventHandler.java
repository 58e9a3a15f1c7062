package dev.vitals.model.jfr.internal;

import dev.vitals.model.SampleKind;
import dev.vitals.model.internal.ProfileStore;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jdk.jfr.EventType;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * What the importer does with the events of one {@link EventType}, decided once per type: samples
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
 * @param hasThread   the type has an {@code eventThread}
 * @param hasStack    the type has a {@code stackTrace}
 */
public record EventHandler(String name, Role role, SampleKind kind, String threadField, String weightField,
                           List<SeriesSpec> series, int typeIndex, List<String> keptFields, boolean hasThread,
                           boolean hasStack) {
    private static final Set<String> COLUMN_FIELDS = Set.of("startTime", "duration", "eventThread", "stackTrace");
    private static final int MAX_TEXT = 200;

    /** What becomes of an event. */
    public enum Role { SAMPLE, SERIES, INTERVAL, INFO, COUNT_ONLY }

    /** Decides the handling of one event type of the JDK's API (live streams). */
    public static EventHandler of(EventType type, ProfileStore store) {
        List<String> fields = type.getFields().stream().map(ValueDescriptor::getName).toList();
        return of(type.getName(), type.getLabel() == null ? type.getName() : type.getLabel(), fields, store);
    }

    /**
     * Decides the handling of one event type, registering interval types with the store. JDK 9 and
     * 10 named the JDK's types {@code com.oracle.jdk.*}: they are handled as their {@code jdk.*}
     * successors (and keep their own names).
     *
     * @param fieldNames the type's fields in order
     */
    public static EventHandler of(String name, String label, List<String> fieldNames, ProfileStore store) {
        String jdkName = name.startsWith("com.oracle.jdk.") ? name.substring("com.oracle.".length()) : name;
        boolean hasThread = fieldNames.contains("eventThread");
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
            return new EventHandler(name, Role.SAMPLE, kind, threadField, weightField, List.of(), -1, List.of(),
                    hasThread, hasStack);
        }
        List<SeriesSpec> specs = SeriesSpec.BY_EVENT_TYPE.getOrDefault(jdkName, List.of()).stream()
                .filter(s -> fieldNames.contains(s.field().split("\\.")[0])).toList();
        if (!specs.isEmpty()) {
            return new EventHandler(name, Role.SERIES, null, null, null, specs, -1, List.of(), hasThread, hasStack);
        }
        if (jdkName.equals("jdk.JVMInformation")) {
            return new EventHandler(name, Role.INFO, null, null, null, List.of(), -1, List.of(), hasThread, hasStack);
        }
        if (fieldNames.contains("duration") || hasStack || !jdkName.startsWith("jdk.")) {
            List<String> kept = fieldNames.stream().filter(f -> !COLUMN_FIELDS.contains(f)).toList();
            int typeIndex = store.eventType(name, label, kept);
            return new EventHandler(name, Role.INTERVAL, null, null, null, List.of(), typeIndex, kept,
                    hasThread, hasStack);
        }
        return new EventHandler(name, Role.COUNT_ONLY, null, null, null, List.of(), -1, List.of(), hasThread,
                hasStack);
    }

    /** The event's start in epoch nanos. */
    public static long startNanos(RecordedEvent event) {
        Instant start = event.getStartTime();
        return start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    /** The event's duration in nanos (0 for an instant event). */
    public long durationNanos(RecordedEvent event) {
        return Math.max(0, event.getDuration().toNanos());
    }

    /** The sample's weight: its weight field, or 1. */
    public long weight(RecordedEvent event) {
        return weightField == null ? 1 : event.getLong(weightField);
    }

    /** Adds the event's series values. */
    public void addSeries(RecordedEvent event, long start, ProfileStore store) {
        for (SeriesSpec spec : series) {
            if (spec.when() == null || spec.when().equals(event.getString("when"))) {
                store.addSeriesValue(name + "." + spec.name(), spec.unit(), start, event.getDouble(spec.field()));
            }
        }
    }

    /** The kept field values of an interval event. */
    public Object[] fields(RecordedEvent event) {
        Object[] values = new Object[keptFields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = simplify(event.getValue(keptFields.get(i)));
        }
        return values;
    }

    /** A field value as Long, Double, Boolean, String or null. */
    static Object simplify(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Boolean b -> b;
            case String s -> s;
            case Character c -> c.toString();
            case RecordedThread t -> t.getJavaName() != null ? t.getJavaName() : t.getOSName();
            case RecordedClass c -> c.getName();
            case RecordedClassLoader l -> l.getName() != null ? l.getName() : l.getType().getName();
            case RecordedMethod m -> m.getType().getName() + "." + m.getName();
            case RecordedStackTrace s -> s.getFrames().size() + " frames";
            case RecordedObject o -> oneLine(o.toString());
            default -> oneLine(String.valueOf(value));
        };
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT) + "…";
    }
}
