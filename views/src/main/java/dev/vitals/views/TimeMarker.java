package dev.vitals.views;

import java.util.Set;

/**
 * A labelled span drawn on the time-based views ({@link TimeControl#markersProperty()}): a
 * bookmark as a coloured band with a tab at its top carrying the label, an alert or a finding as a
 * tick in a slim lane above the data (the label on hover). Clicking the tab selects the span (and
 * the marker's threads, if it names any) in the shared {@link SelectionModel}.
 *
 * @param fromNanos start, epoch nanos
 * @param toNanos   end, epoch nanos, not before {@code fromNanos} (equal: a point, drawn as a thin band)
 * @param label     the text on the tab
 * @param kind      what the marker stands for, which sets its colour
 * @param threads   the threads a click selects (model thread indices), empty for all threads
 */
public record TimeMarker(long fromNanos, long toNanos, String label, Kind kind, Set<Integer> threads) {
    /** What a marker stands for. */
    public enum Kind {
        /** A rule that fired (red). */
        ALERT,
        /** A user's bookmark (violet). */
        BOOKMARK,
        /** The span of an automated-analysis finding (amber). */
        FINDING
    }

    public TimeMarker {
        if (toNanos < fromNanos) {
            throw new IllegalArgumentException("marker ends before it starts");
        }
        threads = Set.copyOf(threads);
    }

    /** Selects this marker's span (at least 1 ms) and threads, keeping the rest of the selection. */
    public void select(SelectionModel model) {
        model.select(model.getSelection().withRange(fromNanos, Math.max(toNanos, fromNanos + 1_000_000L))
                .withThreads(threads));
    }
}
