package dev.vitals.views.heatmap;

/**
 * A range of event durations, {@code [minNanos, maxNanos)}: the duration bucket of a latency
 * heatmap cell.
 */
public record DurationBand(long minNanos, long maxNanos) {
}
