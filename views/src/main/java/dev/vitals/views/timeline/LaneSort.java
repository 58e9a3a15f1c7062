package dev.vitals.views.timeline;

/** How the timeline orders its lanes (and groups, by their first lane). */
public enum LaneSort {
    /**
     * The application's threads first, most active (running, native, blocked or in I/O) in the
     * visible range first; the JVM's own threads (JFR, JMX/RMI, GC, compiler, Common-Cleaner, …)
     * after them in the same order.
     */
    ACTIVITY,
    /** Alphabetically by thread name. */
    NAME,
    /** Most running (CPU) time in the visible range first. */
    CPU,
    /** Most blocked, waiting or parked time in the visible range first. */
    BLOCKED
}
