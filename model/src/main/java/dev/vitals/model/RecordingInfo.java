package dev.vitals.model;

import java.util.List;
import java.util.Map;

/**
 * What is known about the recording(s) behind a model.
 *
 * @param source      the file or stream the events came from
 * @param jvmVersion  the recorded JVM's version ({@code jdk.JVMInformation}), "" if unknown
 * @param jvmName     the recorded JVM's name, "" if unknown
 * @param startNanos  start of the first chunk in epoch nanos (0 if no chunk was seen)
 * @param endNanos    end of the last chunk in epoch nanos
 * @param chunkCount  complete chunks imported
 * @param eventCounts events per type as the JDK's {@code jfr summary} counts them (including
 *                    {@code jdk.Metadata} and {@code jdk.Checkpoint} records for files), sorted by name
 * @param warnings    what was skipped or doubtful, one readable line each
 */
public record RecordingInfo(String source, String jvmVersion, String jvmName, long startNanos, long endNanos,
                            int chunkCount, Map<String, Long> eventCounts, List<String> warnings) {
    /** endNanos - startNanos. */
    public long durationNanos() {
        return endNanos - startNanos;
    }
}
