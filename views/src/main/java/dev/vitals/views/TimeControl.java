package dev.vitals.views;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.List;

/**
 * A {@link ProfileControl} drawn against the shared {@link TimeAxis}, so its x is the others' x,
 * with the {@link TimeMarker}s (fired alerts, bookmarks) drawn over it.
 */
public abstract class TimeControl extends ProfileControl {
    private final ObjectProperty<TimeAxis> timeAxis = new SimpleObjectProperty<>(this, "timeAxis");
    private final ObjectProperty<List<TimeMarker>> markers = new SimpleObjectProperty<>(this, "markers", List.of());

    /** The markers drawn over the view (an immutable list; set a new one to change them). */
    public final ObjectProperty<List<TimeMarker>> markersProperty() {
        return markers;
    }

    public final List<TimeMarker> getMarkers() {
        return markers.get();
    }

    public final void setMarkers(List<TimeMarker> value) {
        markers.set(List.copyOf(value));
    }

    /** The shared time axis. */
    public final ObjectProperty<TimeAxis> timeAxisProperty() {
        return timeAxis;
    }

    public final TimeAxis getTimeAxis() {
        return timeAxis.get();
    }

    public final void setTimeAxis(TimeAxis value) {
        timeAxis.set(value);
    }

    /** Nothing is asked without a time axis. */
    @Override
    protected boolean asks() {
        return getTimeAxis() != null;
    }
}
