package dev.vitals.views.heatmap;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeControl;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Skin;

/**
 * The latency heatmap of one interval event type on the shared {@link TimeAxis}: x = time bucket
 * (a few pixels each), y = duration on a log scale from {@link #MIN_NANOS} to {@link #MAX_NANOS},
 * colour = number of events of the selection's threads, with the p50 and p99 of each bucket drawn
 * as lines. A click on a cell selects exactly that cell in the shared selection: its time bucket and
 * its duration bucket ({@code Selection.withDurations}), so the event table lists exactly its
 * events; a drag selects its time range and the duration rows it crosses.
 */
public class LatencyHeatmap extends TimeControl {
    /** The shortest duration on the scale: 1 µs. */
    public static final long MIN_NANOS = 1_000L;
    /** The longest duration on the scale: 100 s. */
    public static final long MAX_NANOS = 100_000_000_000L;
    /** Rows: six per decade. */
    public static final int ROWS = 48;

    private final StringProperty eventType = new SimpleStringProperty(this, "eventType");

    public LatencyHeatmap() {
        getStyleClass().add("latency-heatmap");
        setFocusTraversable(true);
    }

    public LatencyHeatmap(String eventType, ProfileSnapshot snapshot, SelectionModel selectionModel, TimeAxis axis) {
        this();
        setEventType(eventType);
        setSnapshot(snapshot);
        setSelectionModel(selectionModel);
        setTimeAxis(axis);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LatencyHeatmapSkin(this);
    }

    /** The interval event type, for example {@code dev.vitals.demo.Request} or {@code jdk.ThreadPark}. */
    public StringProperty eventTypeProperty() {
        return eventType;
    }

    public String getEventType() {
        return eventType.get();
    }

    public void setEventType(String value) {
        eventType.set(value);
    }
}
