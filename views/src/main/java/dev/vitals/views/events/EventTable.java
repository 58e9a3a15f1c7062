package dev.vitals.views.events;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventList;
import dev.vitals.views.ProfileControl;
import dev.vitals.views.SelectionModel;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Skin;

/**
 * The events of one type in the shared selection ({@link EventList} of the selection with its
 * event selector replaced by {@link #eventTypeProperty()}): start (since the recording start),
 * duration, thread, type and one column per event field, sortable by any column (the sort picks the
 * rows from the whole selection: "the longest" are the longest of all), at most
 * {@link #limitProperty()} rows, with the selected event's stack beside the table. Enter or a double
 * click on an event selects its interval and its thread, so the flame graph shows the CPU samples of
 * that thread while the event lasted.
 */
public class EventTable extends ProfileControl {
    private final StringProperty eventType = new SimpleStringProperty(this, "eventType");
    private final IntegerProperty limit = new SimpleIntegerProperty(this, "limit", 10_000);
    private final ReadOnlyObjectWrapper<EventList> events = new ReadOnlyObjectWrapper<>(this, "events");
    private final ObservableList<EventList.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<EventList.Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<EventList.Row> selectedEvent =
            new ReadOnlyObjectWrapper<>(this, "selectedEvent");

    public EventTable() {
        getStyleClass().add("event-table");
    }

    public EventTable(ProfileSnapshot snapshot, SelectionModel selectionModel, String eventType) {
        this();
        setSnapshot(snapshot);
        setSelectionModel(selectionModel);
        setEventType(eventType);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new EventTableSkin(this);
    }

    /** The JFR event type listed, for example {@code jdk.ThreadPark} or {@code dev.vitals.demo.Request}. */
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
        return getEventType() != null && getSelectionModel() != null;
    }

    /** The most rows listed (the first in the table's sort, by default the earliest). */
    public IntegerProperty limitProperty() {
        return limit;
    }

    public int getLimit() {
        return limit.get();
    }

    public void setLimit(int value) {
        limit.set(value);
    }

    /** The query result listed (its total may exceed the rows shown). */
    public ReadOnlyObjectProperty<EventList> eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public EventList getEvents() {
        return events.get();
    }

    void setEvents(EventList value) {
        events.set(value);
        rows.setAll(value == null ? List.of() : value.rows());
    }

    /** The rows listed, read-only, in the table's sort (by default earliest first). */
    public ObservableList<EventList.Row> getRows() {
        return readOnlyRows;
    }

    /** The event whose stack is shown. */
    public ReadOnlyObjectProperty<EventList.Row> selectedEventProperty() {
        return selectedEvent.getReadOnlyProperty();
    }

    public EventList.Row getSelectedEvent() {
        return selectedEvent.get();
    }

    void setSelectedEvent(EventList.Row row) {
        selectedEvent.set(row);
    }
}
