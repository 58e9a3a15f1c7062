package dev.vitals.model;

/**
 * What a thread was doing, as derived from samples and interval events. JFR mapping:
 * {@code jdk.ExecutionSample} → running, {@code jdk.NativeMethodSample} → native,
 * {@code jdk.ThreadPark} → parked, {@code jdk.JavaMonitorEnter} → blocked,
 * {@code jdk.JavaMonitorWait} → waiting, {@code jdk.ThreadSleep} → sleeping, socket and file
 * reads/writes → I/O. Declared in order of priority: when several states share one pixel bin,
 * the lower ordinal wins ties.
 */
public enum ThreadState {
    RUNNING, NATIVE, BLOCKED, WAITING, PARKED, SLEEPING, IO, UNKNOWN;

    /** The state an interval event type puts its thread in, or {@code null} if none. */
    public static ThreadState ofIntervalType(String eventType) {
        return switch (eventType) {
            case "jdk.ThreadPark" -> PARKED;
            case "jdk.JavaMonitorEnter" -> BLOCKED;
            case "jdk.JavaMonitorWait" -> WAITING;
            case "jdk.ThreadSleep" -> SLEEPING;
            case "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite" -> IO;
            default -> null;
        };
    }

    /** The state a sample of the given kind shows, or {@code null} if the kind says nothing. */
    public static ThreadState ofSampleKind(SampleKind kind) {
        return switch (kind) {
            case CPU, CPU_TIME -> RUNNING;
            case NATIVE -> NATIVE;
            case ALLOCATION, WALL -> null;
        };
    }
}
