package dev.vitals.app.ui;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.Selection;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * Fired by a session's view when the user asks to compare two selections of its profile; it
 * bubbles up to the window, which opens the diff in a tab of its own.
 */
final class CompareEvent extends Event {
    static final EventType<CompareEvent> COMPARE = new EventType<>(Event.ANY, "VITALS_COMPARE");

    private final ProfileSnapshot snapshot;
    private final Selection baseline;
    private final Selection comparison;

    CompareEvent(ProfileSnapshot snapshot, Selection baseline, Selection comparison) {
        super(COMPARE);
        this.snapshot = snapshot;
        this.baseline = baseline;
        this.comparison = comparison;
    }

    ProfileSnapshot snapshot() {
        return snapshot;
    }

    Selection baseline() {
        return baseline;
    }

    Selection comparison() {
        return comparison;
    }
}
