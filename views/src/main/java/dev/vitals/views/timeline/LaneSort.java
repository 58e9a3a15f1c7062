package dev.vitals.views.timeline;

/** How the timeline orders its lanes (and groups, by their first lane). */
public enum LaneSort {
    /** Alphabetically by thread name. */
    NAME,
    /** Most running (CPU) time in the visible range first. */
    CPU,
    /** Most blocked, waiting or parked time in the visible range first. */
    BLOCKED
}
