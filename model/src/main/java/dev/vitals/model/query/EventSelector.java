package dev.vitals.model.query;

import dev.vitals.model.SampleKind;

/** Which events a {@link Selection} counts: all samples of one kind, or the events of one JFR type. */
public sealed interface EventSelector {
    /** All sample tables of one kind (for example CPU: {@code jdk.ExecutionSample}). */
    record OfKind(SampleKind kind) implements EventSelector {
    }

    /** The events of one JFR event type: a sample type or an interval type such as {@code jdk.ThreadPark}. */
    record OfType(String eventType) implements EventSelector {
    }
}
