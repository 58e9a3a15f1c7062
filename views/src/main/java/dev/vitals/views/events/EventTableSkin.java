package dev.vitals.views.events;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.EventOrder;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.SnapshotRequest;
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
 * ({@link LatestQuery}), asked again when the snapshot, the selection, the type, the limit or the
 * table's sort change: sorting is the query's ({@link EventOrder}), so a column's sort covers every
 * event of the selection, not just the rows listed;
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
    private List<EventOrder> listedOrder = EventOrder.EARLIEST;

    /** The first {@code limit} events of a selection in an order. */
    private record RowsRequest(ProfileSnapshot snapshot, Selection selection, List<EventOrder> order, int limit)
            implements SnapshotRequest {
        EventList run() {
            return EventList.of(snapshot, selection, order, limit);
        }
    }

    public EventTableSkin(EventTable control) {
        super(control);
        table.setItems(control.getRows());
        table.setSortPolicy(t -> {
            if (!order().equals(listedOrder)) {
                refresh();
            }
            return true;
        });
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
        listedOrder = order();
        rowsQuery.request(new RowsRequest(control.getSnapshot(), listed(control), listedOrder, control.getLimit()));
    }

    /** The table's sort as the query's order: the model picks the rows, so the whole selection is sorted. */
    private List<EventOrder> order() {
        List<EventOrder> order = new ArrayList<>();
        for (TableColumn<EventList.Row, ?> c : table.getSortOrder()) {
            if (c.getUserData() instanceof EventOrder.Key key) {
                order.add(new EventOrder(key, c.getSortType() == TableColumn.SortType.DESCENDING));
            }
        }
        return order.isEmpty() ? EventOrder.EARLIEST : List.copyOf(order);
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
                + (events.total() > events.rows().size() ? ", the first " + events.rows().size() + " by "
                + describe(request.order()) + " listed" : ""));
    }

    /** "start", "duration, longest first", "thread, then start"… */
    private static String describe(List<EventOrder> order) {
        List<String> keys = new ArrayList<>();
        for (EventOrder o : order) {
            String name = switch (o.key()) {
                case EventOrder.Key.Start s -> o.descending() ? "start, latest first" : "start";
                case EventOrder.Key.Duration d -> o.descending() ? "duration, longest first" : "duration, shortest first";
                case EventOrder.Key.Thread t -> "thread" + (o.descending() ? " (Z–A)" : "");
                case EventOrder.Key.Field(var field) -> field + (o.descending() ? ", largest first" : "");
            };
            keys.add(name);
        }
        return String.join(", then ", keys);
    }

    private void buildColumns(ProfileSnapshot snapshot, String type) {
        List<TableColumn<EventList.Row, ?>> columns = new ArrayList<>();
        long origin = snapshot.info().startNanos();
        columns.add(column("Start", new EventOrder.Key.Start(), r -> r.startNanos() - origin, TimeTicks::offset));
        columns.add(column("Duration", new EventOrder.Key.Duration(), EventList.Row::durationNanos,
                TimeTicks::duration));
        columns.add(column("Thread", new EventOrder.Key.Thread(), EventList.Row::thread, s -> s));
        TableColumn<EventList.Row, String> typeColumn = column("Type", null, r -> type, s -> s);
        typeColumn.setSortable(false);
        columns.add(typeColumn);
        for (String field : fieldNames) {
            columns.add(column(field, new EventOrder.Key.Field(field), r -> r.fields().get(field), String::valueOf));
        }
        table.getColumns().setAll(columns);
    }

    /** A column sorted by the model's {@code key} (none when {@code null}). */
    private static <T> TableColumn<EventList.Row, T> column(String name, EventOrder.Key key,
                                                            Function<EventList.Row, T> value,
                                                            Function<T, String> format) {
        TableColumn<EventList.Row, T> c = new TableColumn<>(name);
        c.setUserData(key);
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
