package dev.vitals.model;

/**
 * The kinds of stack samples the model keeps, each in its own {@link SampleTable}s (one table per
 * JFR event type, so an export can select one type exactly).
 */
public enum SampleKind {
    /** {@code jdk.ExecutionSample}: a thread running Java code (JDK or async-profiler cpu). Weight 1. */
    CPU,
    /** {@code jdk.NativeMethodSample}: a thread in native code. Weight 1. */
    NATIVE,
    /** {@code jdk.CPUTimeSample} (JDK 25, Linux): CPU-time based sampling. Weight 1. */
    CPU_TIME,
    /** Allocation samples; weight in bytes (sampled weight, TLAB size or allocation size). */
    ALLOCATION,
    /** {@code profiler.WallClockSample} (async-profiler wall clock). Weight: the event's sample count. */
    WALL;

    /** The kind of samples an event type holds, or {@code null} if it is not a sample event. */
    public static SampleKind ofEventType(String eventType) {
        return switch (eventType) {
            case "jdk.ExecutionSample" -> CPU;
            case "jdk.NativeMethodSample" -> NATIVE;
            case "jdk.CPUTimeSample" -> CPU_TIME;
            case "jdk.ObjectAllocationSample", "jdk.ObjectAllocationInNewTLAB",
                 "jdk.ObjectAllocationOutsideTLAB" -> ALLOCATION;
            case "profiler.WallClockSample" -> WALL;
            default -> null;
        };
    }
}
