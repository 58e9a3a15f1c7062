package dev.vitals.model;

import java.util.List;

/**
 * An interval event type and the names of the fields kept for each of its events (every field but
 * startTime, duration, eventThread and stackTrace, which are columns).
 *
 * @param name       the JFR event type name ({@code dev.vitals.demo.Request})
 * @param label      the type's label
 * @param fieldNames names of the kept fields, in the order of {@link IntervalTable#fields(int)}
 */
public record EventTypeInfo(String name, String label, List<String> fieldNames) {
}
