package dev.vitals.views.events;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TableCells;
import dev.vitals.views.internal.QueryStatus;
import dev.vitals.views.internal.NestedListener;
import dev.vitals.views.internal.TimeTicks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SkinBase;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/**
 * The event table's look: a sortable {@link TableView} (a fixed set of columns plus one per field of
 * the listed type) and the selected event's stack, leaf first, in a list beside it; a label above
 * says how many events the selection holds. The rows are a query of the control
 * ({@link LatestQuery}), asked again when the snapshot, the selection, the type or the limit change;
 * the rows shown stay until the answer arrives, and the label says "computing…" when it is late.
 * The selected event stays selected (and its stack shown) while the new rows still hold it: a double
 * click that selects an event's interval keeps showing that event. A lone event (a latency outlier's
 * cell) is selected at once, so its stack shows.
 */
public class EventTableSkin extends SkinBase<EventTable> {
    private static final int STACK_DEPTH = 128;

    private final TableView<EventList.Row> table = new TableView<>();
    private final ListView<String> stack = new ListView<>();
    private final Label count = new Label();
    private final InvalidationListener selectionChanged = o -> refresh();
    private final NestedListener<SelectionModel> selectionFollower;
    private final KeyHandler keys = new KeyHandler();
    private final LatestQuery<RowsRequest, EventList> rowsQuery;
    private List<String> fieldNames = List.of();

    /** The first {@code limit} events of a selection. */
    private record RowsRequest(ProfileSnapshot snapshot, Selection selection, int limit) {
        EventList run() {
            return EventList.of(snapshot, selection, limit);
        }
    }

    public EventTableSkin(EventTable control) {
        super(control);
        SortedList<EventList.Row> sorted = new SortedList<>(control.getRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No events of this type in the selection"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            control.setSelectedEvent(is);
            showStack(is);
        });
        table.setRowFactory(t -> {
            TableRow<EventList.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    selectEvent(row.getItem());
                }
            });
            return row;
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, keys);
        Label noStack = new Label("Select an event to see its stack");
        noStack.setWrapText(true);
        stack.setPlaceholder(noStack);
        SplitPane split = new SplitPane(table, stack);
        split.setDividerPositions(0.68);
        count.setPadding(new Insets(2, 4, 2, 4));
        getChildren().add(new BorderPane(split, count, null, null, null));
        rowsQuery = control.newQuery(RowsRequest::run, (q, events) -> show(q, events));
        QueryStatus.follow(control, text -> {
            if (text != null) {
                count.setText(text);
            }
        });
        registerChangeListener(control.snapshotProperty(), o -> refresh());
        registerChangeListener(control.eventTypeProperty(), o -> refresh());
        registerChangeListener(control.limitProperty(), o -> refresh());
        selectionFollower = new NestedListener<>(control.selectionModelProperty(), SelectionModel::selectionProperty,
                selectionChanged, () -> refresh());
    }

    /** The selection whose events are listed: the shared one, with this table's event type. */
    static Selection listed(EventTable control) {
        return control.getSelectionModel().getSelection().withEvents(new EventSelector.OfType(control.getEventType()));
    }

    private void refresh() {
        EventTable control = getSkinnable();
        if (control.getSnapshot() == null || control.getSelectionModel() == null || control.getEventType() == null) {
            control.setEvents(null);
            count.setText("");
            return;
        }
        rowsQuery.request(new RowsRequest(control.getSnapshot(), listed(control), control.getLimit()));
    }

    private void show(RowsRequest request, EventList events) {
        EventTable control = getSkinnable();
        String type = ((EventSelector.OfType) request.selection().events()).eventType();
        Set<String> names = new LinkedHashSet<>();
        events.rows().forEach(r -> names.addAll(r.fields().keySet()));
        if (!List.copyOf(names).equals(fieldNames) || table.getColumns().isEmpty()) {
            fieldNames = List.copyOf(names);
            buildColumns(request.snapshot(), type);
        }
        EventList.Row selected = table.getSelectionModel().getSelectedItem();
        control.setEvents(events);
        if (selected != null && events.rows().contains(selected)) {
            table.getSelectionModel().select(selected);
        } else if (events.rows().size() == 1) {
            table.getSelectionModel().select(events.rows().getFirst());
        }
        count.setText(events.total() + " " + type + " events in the selection"
                + (events.total() > events.rows().size() ? ", the first " + events.rows().size() + " listed" : ""));
    }

    private void buildColumns(ProfileSnapshot snapshot, String type) {
        List<TableColumn<EventList.Row, ?>> columns = new ArrayList<>();
        long origin = snapshot.info().startNanos();
        columns.add(column("Start", r -> r.startNanos() - origin, TimeTicks::offset));
        columns.add(column("Duration", EventList.Row::durationNanos, TimeTicks::duration));
        columns.add(column("Thread", EventList.Row::thread, s -> s));
        columns.add(column("Type", r -> type, s -> s));
        for (String field : fieldNames) {
            TableColumn<EventList.Row, Object> c = column(field, r -> r.fields().get(field), String::valueOf);
            c.setComparator(EventTableSkin::compareValues);
            columns.add(c);
        }
        table.getColumns().setAll(columns);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static <T> TableColumn<EventList.Row, T> column(String name, Function<EventList.Row, T> value,
                                                            Function<T, String> format) {
        TableColumn<EventList.Row, T> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> TableCells.whole(format));
        return c;
    }

    private void showStack(EventList.Row row) {
        EventTable control = getSkinnable();
        if (row == null || row.stackIndex() < 0 || control.getSnapshot() == null) {
            stack.getItems().setAll(row == null ? List.of() : List.of("(no stack)"));
            return;
        }
        stack.getItems().setAll(EventList.frames(control.getSnapshot(), row.stackIndex(), STACK_DEPTH));
    }

    /** Selects the event's interval (at least 1 ns) and its thread in the shared selection. */
    private void selectEvent(EventList.Row row) {
        SelectionModel model = getSkinnable().getSelectionModel();
        if (model == null || row.threadIndex() < 0) {
            return;
        }
        long end = row.startNanos() + Math.max(1, row.durationNanos());
        model.select(model.getSelection().withTimeRange(row.startNanos(), end)
                .withThreads(Set.of(row.threadIndex())));
    }

    /** Enter selects the event; Alt+←/→ and Esc go to the selection model. */
    private final class KeyHandler implements EventHandler<KeyEvent> {
        @Override
        public void handle(KeyEvent e) {
            EventList.Row row = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) {
                selectEvent(row);
                e.consume();
            } else if (getSkinnable().getSelectionModel() != null) {
                getSkinnable().getSelectionModel().handle(e);
            }
        }
    }

    @Override
    public void dispose() {
        EventTable control = getSkinnable();
        if (control == null) {
            return;
        }
        selectionFollower.dispose();
        table.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
        super.dispose();
    }
}
