package dev.vitals.model.export;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import dev.vitals.model.ThreadInfo;
import dev.vitals.model.query.HotMethod;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Selection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code vitals summary} prints: file, JDK, start, duration, chunk count, per event type counts
 * (equal to the JDK's {@code jfr summary}), threads, samples per kind, the ten hottest methods by
 * self CPU samples, and warnings.
 *
 * @param file            the recording's source name
 * @param jvmVersion      the recorded JVM's version, "" if unknown
 * @param startNanos      recording start, epoch nanos
 * @param durationNanos   recording duration
 * @param chunkCount      chunks imported
 * @param events          events per type, sorted by name
 * @param threads         threads seen, in order of first appearance
 * @param samplesPerKind  sample counts per kind (kinds without samples left out)
 * @param hotMethods      up to ten methods, hottest (self, CPU samples) first
 * @param warnings        what was skipped while importing
 */
public record Summary(String file, String jvmVersion, long startNanos, long durationNanos, int chunkCount,
                      Map<String, Long> events, List<ThreadInfo> threads, Map<SampleKind, Long> samplesPerKind,
                      List<HotMethod> hotMethods, List<String> warnings) {
    /** Number of hot methods listed. */
    public static final int HOT_METHODS = 10;

    /** The summary of a snapshot. */
    public static Summary of(ProfileSnapshot snapshot) {
        RecordingInfo info = snapshot.info();
        Map<SampleKind, Long> perKind = new LinkedHashMap<>();
        for (SampleKind kind : SampleKind.values()) {
            long n = snapshot.samples(kind).stream().mapToLong(SampleTable::length).sum();
            if (n > 0) {
                perKind.put(kind, n);
            }
        }
        List<ThreadInfo> threads = new ArrayList<>();
        for (int t = 0; t < snapshot.threads().length(); t++) {
            threads.add(snapshot.threads().get(t));
        }
        return new Summary(info.source(), info.jvmVersion(), info.startNanos(), info.durationNanos(),
                info.chunkCount(), info.eventCounts(), List.copyOf(threads), perKind,
                HotMethods.of(snapshot, Selection.cpu(), HOT_METHODS), info.warnings());
    }

    /**
     * The summary as a JSON object with {@code file}, {@code jvmVersion}, {@code start} (ISO
     * instant), {@code durationNanos}, {@code chunks}, {@code events} (type → count),
     * {@code threads} (array of {@code {"name", "javaId", "osId", "virtual"}}), {@code samples}
     * (kind → count), {@code hotMethods} (array of {@code {"method", "self", "total"}}) and
     * {@code warnings} (strings).
     */
    public String toJson() {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"file\": ").append(Json.quote(file)).append(",\n");
        out.append("  \"jvmVersion\": ").append(Json.quote(jvmVersion)).append(",\n");
        out.append("  \"start\": ").append(Json.quote(instant(startNanos).toString())).append(",\n");
        out.append("  \"durationNanos\": ").append(durationNanos).append(",\n");
        out.append("  \"chunks\": ").append(chunkCount).append(",\n");
        out.append("  \"events\": {").append(events.entrySet().stream()
                .map(e -> "\n    " + Json.quote(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining(","))).append("\n  },\n");
        out.append("  \"threads\": [").append(threads.stream()
                .map(t -> "\n    {\"name\": " + Json.quote(t.name()) + ", \"javaId\": " + t.javaId() + ", \"osId\": "
                        + t.osId() + ", \"virtual\": " + t.virtual() + "}")
                .collect(Collectors.joining(","))).append("\n  ],\n");
        out.append("  \"samples\": {").append(samplesPerKind.entrySet().stream()
                .map(e -> "\n    " + Json.quote(e.getKey().name().toLowerCase()) + ": " + e.getValue())
                .collect(Collectors.joining(","))).append("\n  },\n");
        out.append("  \"hotMethods\": [").append(hotMethods.stream()
                .map(h -> "\n    {\"method\": " + Json.quote(h.method()) + ", \"self\": " + h.self() + ", \"total\": "
                        + h.total() + "}")
                .collect(Collectors.joining(","))).append("\n  ],\n");
        out.append("  \"warnings\": [").append(warnings.stream().map(w -> "\n    " + Json.quote(w))
                .collect(Collectors.joining(","))).append("\n  ]\n}\n");
        return out.toString();
    }

    /** The summary as readable text, listing the event types recorded (with a count above 0). */
    public String toText() {
        return toText(false);
    }

    /**
     * The summary as readable text: durations for a person ("7.28 s", "13 min 5 s"), headed
     * columns, and the event types recorded, or with {@code allTypes} every type the recording
     * declares, zeros included.
     */
    public String toText(boolean allTypes) {
        StringBuilder out = new StringBuilder();
        out.append("File:     ").append(file).append('\n');
        out.append("JDK:      ").append(jvmVersion.isEmpty() ? "unknown" : jvmVersion).append('\n');
        out.append("Start:    ").append(instant(startNanos)).append('\n');
        out.append("Duration: ").append(readable(durationNanos)).append('\n');
        out.append("Chunks:   ").append(chunkCount).append('\n');
        out.append("Threads:  ").append(threads.size()).append('\n');
        out.append("\nSamples\n");
        samplesPerKind.forEach((k, v) -> out.append(String.format("  %-12s %10d%n", k.name().toLowerCase(), v)));
        out.append("\nHot methods (CPU samples)\n");
        out.append(String.format("  %8s %8s  %s%n", "Self", "Total", "Method"));
        for (HotMethod h : hotMethods) {
            out.append(String.format("  %8d %8d  %s%n", h.self(), h.total(), h.method()));
        }
        long unrecorded = events.values().stream().filter(v -> v == 0).count();
        out.append(allTypes || unrecorded == 0 ? "\nEvents\n"
                : "\nEvents (" + unrecorded + " types declared but not recorded left out; --all lists them)\n");
        out.append(String.format("  %-45s %10s%n", "Type", "Count"));
        events.forEach((k, v) -> {
            if (allTypes || v > 0) {
                out.append(String.format("  %-45s %10d%n", k, v));
            }
        });
        if (!warnings.isEmpty()) {
            out.append("\nWarnings\n");
            warnings.forEach(w -> out.append("  ").append(w).append('\n'));
        }
        return out.toString();
    }

    /** "850 ms", "7.28 s", "13 min 5 s", "2 h 3 min". */
    static String readable(long nanos) {
        Duration d = Duration.ofNanos(nanos);
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        } else if (d.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        } else if (d.toHours() < 1) {
            return d.toMinutesPart() + " min " + d.toSecondsPart() + " s";
        }
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
