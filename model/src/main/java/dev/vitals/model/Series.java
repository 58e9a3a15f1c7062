package dev.vitals.model;

import dev.vitals.model.internal.IntView;
import dev.vitals.model.internal.LongView;

/**
 * A periodic value over time (CPU load, heap used, thread count...): times in epoch nanos and
 * values, sorted by time within each segment. Values are stored as double bits.
 */
public final class Series {
    private final String name;
    private final String unit;
    private final LongView time;
    private final LongView valueBits;
    private final TimeSegments segments;

    /** A view of one series (made by the model's writer). */
    public Series(String name, String unit, LongView time, LongView valueBits, IntView segmentStart) {
        this.name = name;
        this.unit = unit;
        this.time = time;
        this.valueBits = valueBits;
        this.segments = new TimeSegments(time, segmentStart);
    }

    /** The series' name: "eventType.field" ({@code jdk.CPULoad.machineTotal}). */
    public String name() {
        return name;
    }

    /** "bytes", "percent" (0..1), "count" or "nanos". */
    public String unit() {
        return unit;
    }

    public int length() {
        return time.length();
    }

    public long time(int index) {
        return time.get(index);
    }

    public double value(int index) {
        return Double.longBitsToDouble(valueBits.get(index));
    }

    /** The time index. */
    public TimeSegments segments() {
        return segments;
    }
}
