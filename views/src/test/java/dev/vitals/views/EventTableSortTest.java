package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.views.events.EventTable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.vitals.views.Demo.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sorting the event table by a column sorts the whole selection, not the rows listed: with 20 rows
 * of the demo's requests listed, sorting by Duration, longest first, lists the 20 longest requests
 * of the recording, and shortest first the 20 shortest.
 */
@ExtendWith(ApplicationExtension.class)
class EventTableSortTest {
    private static final int LIMIT = 20;
    private final ProfileSnapshot snapshot = Demo.snapshot();
    private EventTable events;

    @Start
    void start(Stage stage) {
        events = new EventTable(snapshot, new SelectionModel(Selection.cpu()), Demo.REQUEST);
        events.setLimit(LIMIT);
        stage.setScene(new Scene(events, 900, 500));
        stage.show();
    }

    @Test
    void clickingDurationListsTheLongestOfTheWholeSelection(FxRobot robot) throws Exception {
        List<EventList.Row> all = EventList.of(snapshot, Selection.of(new EventSelector.OfType(Demo.REQUEST)),
                Integer.MAX_VALUE).rows();
        List<Long> longest = all.stream().map(EventList.Row::durationNanos).sorted(Comparator.reverseOrder())
                .limit(LIMIT).toList();
        List<Long> earliest = all.stream().limit(LIMIT).map(EventList.Row::durationNanos).toList();
        assertThat(earliest.stream().max(Long::compare).orElseThrow())
                .as("the first rows listed do not hold the longest requests").isLessThan(longest.getFirst());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> events.getRows().size() == LIMIT);

        TableView<EventList.Row> table = robot.lookup(".table-view").queryTableView();
        TableColumn<EventList.Row, ?> duration = table.getColumns().stream()
                .filter(c -> c.getText().equals("Duration")).findFirst().orElseThrow();
        sortBy(robot, table, duration, TableColumn.SortType.DESCENDING);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> durations().equals(longest));
        String count = onFx(() -> robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().contains("events in the selection")).queryLabeled().getText());
        assertThat(count).isEqualTo(all.size() + " " + Demo.REQUEST
                + " events in the selection, the first 20 by duration, longest first listed");

        sortBy(robot, table, duration, TableColumn.SortType.ASCENDING);
        List<Long> shortest = all.stream().map(EventList.Row::durationNanos).sorted().limit(LIMIT).toList();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> durations().equals(shortest));
    }

    /**
     * What a click on a column header does. JavaFX 26's headless glass marks every press as a popup
     * trigger, which a column header ignores, so the test sorts as the header would.
     */
    private static void sortBy(FxRobot robot, TableView<EventList.Row> table, TableColumn<EventList.Row, ?> column,
                               TableColumn.SortType type) {
        robot.interact(() -> {
            column.setSortType(type);
            table.getSortOrder().setAll(List.of(column));
        });
    }

    private List<Long> durations() throws Exception {
        return onFx(() -> events.getRows().stream().map(EventList.Row::durationNanos).toList());
    }
}
