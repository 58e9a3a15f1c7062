package dev.vitals.model.finding;

import java.util.List;

/**
 * What a finding points at, as far as its rule says: each part may be absent.
 *
 * @param fromNanos start of its time span, epoch nanos ({@link Long#MIN_VALUE}: no span)
 * @param toNanos   end of its time span, exclusive ({@link Long#MAX_VALUE}: no span)
 * @param threads   names of the threads concerned; empty: not narrowed to threads
 * @param eventType the JFR event type of its events, or {@code null}
 * @param frame     a frame name ({@code pkg.Class.method}) the evidence's stacks hold, or {@code null}
 * @param className a class it names (the most allocated type, a contended monitor's class), or {@code null}
 */
public record Evidence(long fromNanos, long toNanos, List<String> threads, String eventType, String frame,
                       String className) {
    /** Evidence pointing at nothing in particular. */
    public static final Evidence NONE = new Evidence(Long.MIN_VALUE, Long.MAX_VALUE, List.of(), null, null, null);

    public Evidence {
        threads = List.copyOf(threads);
        if (fromNanos > toNanos) {
            throw new IllegalArgumentException("span ends before it starts: " + fromNanos + " > " + toNanos);
        }
    }

    /** True if the evidence has a time span. */
    public boolean hasSpan() {
        return fromNanos != Long.MIN_VALUE && toNanos != Long.MAX_VALUE;
    }

    /** True if it points at nothing: no span, threads, event type, frame or class. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
