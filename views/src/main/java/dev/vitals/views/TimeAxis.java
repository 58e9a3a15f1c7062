package dev.vitals.views;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The time axis the time-based views share: the limits (the recording, growing while live) and the
 * visible range within them. Zooming and panning keep the visible range inside the limits and at
 * least {@link #MIN_SPAN_NANOS} long. A view that follows the end of a live recording keeps doing so
 * when the limits grow.
 */
public final class TimeAxis {
    /** The shortest visible range: 1 ms. */
    public static final long MIN_SPAN_NANOS = 1_000_000L;

    private final ObjectProperty<TimeRange> limits = new SimpleObjectProperty<>(this, "limits");
    private final ObjectProperty<TimeRange> visible = new SimpleObjectProperty<>(this, "visible");

    public TimeAxis(TimeRange limits) {
        this.limits.set(limits);
        this.visible.set(limits);
    }

    /** The whole recording. */
    public ObjectProperty<TimeRange> limitsProperty() {
        return limits;
    }

    public TimeRange getLimits() {
        return limits.get();
    }

    /**
     * New limits (a live recording grew). A visible range that reached the old end is moved to keep
     * reaching the new one; a full view stays full.
     */
    public void setLimits(TimeRange newLimits) {
        TimeRange old = limits.get();
        TimeRange shown = visible.get();
        limits.set(newLimits);
        if (shown.equals(old)) {
            visible.set(newLimits);
        } else if (shown.toNanos() >= old.toNanos()) {
            show(newLimits.toNanos() - shown.length(), newLimits.toNanos());
        } else {
            show(shown.fromNanos(), shown.toNanos());
        }
    }

    /** The range the views show. */
    public ObjectProperty<TimeRange> visibleProperty() {
        return visible;
    }

    public TimeRange getVisible() {
        return visible.get();
    }

    /** Shows {@code [from, to)}, clamped into the limits. */
    public void show(long from, long to) {
        TimeRange max = limits.get();
        long span = Math.min(max.length(), Math.max(MIN_SPAN_NANOS, to - from));
        long start = Math.max(max.fromNanos(), Math.min(from, max.toNanos() - span));
        visible.set(new TimeRange(start, start + span));
    }

    /** Zooms by {@code factor} (below 1 zooms in) keeping {@code anchorNanos} where it is. */
    public void zoom(double factor, long anchorNanos) {
        TimeRange shown = visible.get();
        double left = (anchorNanos - shown.fromNanos()) * factor;
        double right = (shown.toNanos() - anchorNanos) * factor;
        show(anchorNanos - Math.round(left), anchorNanos + Math.round(right));
    }

    /** Moves the visible range by {@code nanos} (positive: later). */
    public void pan(long nanos) {
        TimeRange shown = visible.get();
        show(shown.fromNanos() + nanos, shown.toNanos() + nanos);
    }

    /** Shows the whole recording. */
    public void reset() {
        visible.set(limits.get());
    }
}
