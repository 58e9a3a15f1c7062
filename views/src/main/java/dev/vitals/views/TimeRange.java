package dev.vitals.views;

/**
 * A span of time in epoch nanos, {@code [fromNanos, toNanos)}, never empty.
 *
 * @param fromNanos inclusive start
 * @param toNanos   exclusive end, greater than {@code fromNanos}
 */
public record TimeRange(long fromNanos, long toNanos) {
    public TimeRange {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("empty range [" + fromNanos + ", " + toNanos + ")");
        }
    }

    /** The length in nanos. */
    public long length() {
        return toNanos - fromNanos;
    }

    /** The x of a time on a line of {@code width} pixels showing this range. */
    public double x(long nanos, double width) {
        return (nanos - fromNanos) * width / length();
    }

    /** The time at {@code x} on a line of {@code width} pixels showing this range. */
    public long time(double x, double width) {
        return fromNanos + Math.round(x / width * length());
    }
}
