package dev.vitals.views;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** A {@link ProfileControl} drawn against the shared {@link TimeAxis}, so its x is the others' x. */
public abstract class TimeControl extends ProfileControl {
    private final ObjectProperty<TimeAxis> timeAxis = new SimpleObjectProperty<>(this, "timeAxis");

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
}
