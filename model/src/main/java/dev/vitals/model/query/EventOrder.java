package dev.vitals.model.query;

import java.util.List;

/**
 * One key of the order in which an {@link EventList} picks and lists its rows: the list holds the
 * first rows of the whole selection in this order, so "the longest" are the longest of all the
 * selected events, not of the rows listed.
 *
 * @param key        what is compared
 * @param descending largest first
 */
public record EventOrder(Key key, boolean descending) {
    /** Earliest first: the order when none is asked for. */
    public static final List<EventOrder> EARLIEST = List.of(new EventOrder(new Key.Start(), false));

    /** What the rows are compared by. */
    public sealed interface Key {
        /** The start time. */
        record Start() implements Key {
        }

        /** The duration (0 for samples and instant events). */
        record Duration() implements Key {
        }

        /** The thread's name. */
        record Thread() implements Key {
        }

        /** One field of the event (numbers as numbers, other values as text, missing ones first). */
        record Field(String name) implements Key {
        }
    }
}
