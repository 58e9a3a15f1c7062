package dev.vitals.model.jfr.internal;

/**
 * A field of a {@link JfrType}.
 *
 * @param name         the field's name
 * @param type         the field's type (resolved once the chunk's types are all known)
 * @param constantPool the value is a constant-pool id, not the value itself
 * @param array        the value is an array (a length, then the elements)
 * @param ticks        how a {@code long} counts time: in ticks since the chunk's start ticks
 *                     ({@link Ticks#TIMESTAMP}), as a tick span ({@link Ticks#TIMESPAN}), or not in ticks
 */
public record JfrField(String name, JfrType type, boolean constantPool, boolean array, Ticks ticks) {
    /** Whether and how a value is in ticks. */
    public enum Ticks { NONE, TIMESTAMP, TIMESPAN }
}
