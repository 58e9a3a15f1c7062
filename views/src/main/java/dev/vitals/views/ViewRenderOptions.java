package dev.vitals.views;

import dev.vitals.model.query.Selection;

/**
 * What {@link ViewImages} renders and how large.
 *
 * @param view      which view
 * @param width     image width in pixels
 * @param height    image height in pixels
 * @param fromNanos start of the visible range, epoch nanos ({@link Long#MIN_VALUE}: the recording start)
 * @param toNanos   end of the visible range ({@link Long#MAX_VALUE}: the recording end)
 * @param eventType the interval event type of the latency heatmap ({@link #DEFAULT_LATENCY_TYPE} if null)
 * @param selection the selection drawn (threads, frame filter highlight, selected range)
 */
public record ViewRenderOptions(ViewKind view, int width, int height, long fromNanos, long toNanos, String eventType,
                                Selection selection) {
    /** The latency heatmap's event type when none is given. */
    public static final String DEFAULT_LATENCY_TYPE = "jdk.ThreadPark";

    public ViewRenderOptions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + " x " + height);
        }
        eventType = eventType == null ? DEFAULT_LATENCY_TYPE : eventType;
        selection = selection == null ? Selection.cpu() : selection;
    }

    /** The view at 1600 × 900, the whole recording, no selection. */
    public static ViewRenderOptions of(ViewKind view) {
        return new ViewRenderOptions(view, 1600, 900, Long.MIN_VALUE, Long.MAX_VALUE, null, null);
    }

    public ViewRenderOptions withSize(int w, int h) {
        return new ViewRenderOptions(view, w, h, fromNanos, toNanos, eventType, selection);
    }

    /** The visible range ({@link Long#MIN_VALUE} / {@link Long#MAX_VALUE} for open ends). */
    public ViewRenderOptions withRange(long from, long to) {
        return new ViewRenderOptions(view, width, height, from, to, eventType, selection);
    }

    public ViewRenderOptions withEventType(String type) {
        return new ViewRenderOptions(view, width, height, fromNanos, toNanos, type, selection);
    }

    public ViewRenderOptions withSelection(Selection s) {
        return new ViewRenderOptions(view, width, height, fromNanos, toNanos, eventType, s);
    }
}
