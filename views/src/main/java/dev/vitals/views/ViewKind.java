package dev.vitals.views;

/** The views {@link ViewImages} renders ({@code vitals render --view …}). */
public enum ViewKind {
    /** The thread-state timeline. */
    TIMELINE,
    /** The FlameScope heatmap of CPU samples. */
    HEATMAP,
    /** The latency heatmap of one interval event type. */
    LATENCY,
    /** The metric charts (CPU, heap, threads, allocation rate), stacked. */
    CHARTS
}
