package dev.vitals.views.heatmap;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeControl;
import dev.vitals.views.heatmap.internal.LatencyPanel;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.Skin;

/**
 * The latency heatmap of one interval event type on the shared {@link TimeAxis}: x = time bucket
 * (a few pixels each) over the visible range, y = duration on a log scale fitted to the durations
 * present (whole decades, {@link #ROWS_PER_DECADE} rows each), colour = number of events of the
 * selection's threads, with the cells above the top decile's bound dark whatever their count (a
 * rare slow event stands out), and the p50 and p99 of each bucket drawn as lines. A click on a cell selects exactly that cell in the shared selection: its time bucket and
 * its duration bucket ({@code Selection.withDurations}), so the event table lists exactly its
 * events; a drag selects its time range and the duration rows it crosses.
 */
public class LatencyHeatmap extends TimeControl {
    /** Rows per decade of durations. */
    public static final int ROWS_PER_DECADE = 6;
    /** The share of events below the emphasised rows: the top decile stands out. */
    public static final double EMPHASISED_ABOVE = 0.9;

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

    /** Nothing is asked without an event type. */
    @Override
    protected boolean asks() {
        return super.asks() && getEventType() != null;
    }

    /**
     * The bounds, in this control's coordinates, of the cell shown for events lasting
     * {@code durationNanos} at {@code nanos} (epoch), or null if none is shown there.
     */
    public Bounds cellBounds(long nanos, long durationNanos) {
        LatencyPanel panel = getSkin() instanceof LatencyHeatmapSkin s ? s.panel() : null;
        Bounds inPanel = panel == null ? null : panel.cellBounds(nanos, durationNanos);
        return inPanel == null ? null : sceneToLocal(panel.localToScene(inPanel));
    }
}
