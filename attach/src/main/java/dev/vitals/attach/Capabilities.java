package dev.vitals.attach;

import java.util.Set;

/**
 * What a connected JVM offers Vitals.
 *
 * @param streaming  live JFR streaming over JMX ({@code RemoteRecordingStream}, JDK 14+)
 * @param eventTypes names of the JFR event types the JVM knows, its own custom events included
 *                   once their classes are loaded
 */
public record Capabilities(boolean streaming, Set<String> eventTypes) {

    public Capabilities {
        eventTypes = Set.copyOf(eventTypes);
    }

    /** JDK 25's CPU-time sampler ({@code jdk.CPUTimeSample}, Linux). */
    public boolean hasCpuTimeSample() {
        return eventTypes.contains("jdk.CPUTimeSample");
    }

    /** JDK 25's method tracing by filter ({@code jdk.MethodTrace}). */
    public boolean hasMethodTrace() {
        return eventTypes.contains("jdk.MethodTrace");
    }
}
