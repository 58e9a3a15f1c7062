package dev.vitals.model.query;

/** What a call tree or heatmap adds up per event. */
public enum Measure {
    /** Number of events. */
    COUNT,
    /** A sample's weight (1, bytes or a sample count) or an interval's duration in nanos. */
    WEIGHT
}
