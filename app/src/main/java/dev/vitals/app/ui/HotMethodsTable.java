package dev.vitals.app.ui;

import dev.vitals.model.query.HotMethod;
import dev.vitals.views.TableCells;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * The hottest methods of the selection by self weight; double-click or Enter opens one in the
 * sandwich view. Weights are shown whole (their columns widen to fit); long method names are cut in
 * the middle, keeping the method.
 */
final class HotMethodsTable extends TableView<HotMethod> {
    private static final double SCROLL_BAR_ROOM = 18;
    private long total;

    HotMethodsTable(Consumer<String> openSandwich) {
        setId("hot-methods");
        TableColumn<HotMethod, String> method = new TableColumn<>("Method");
        method.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().method()));
        method.setCellFactory(c -> TableCells.qualifiedName());
        TableColumn<HotMethod, Long> self = weightColumn("Self", HotMethod::self);
        TableColumn<HotMethod, Long> totalColumn = weightColumn("Total", HotMethod::total);
        // The weights take what they need; the method gets the rest (less room for a scroll bar).
        method.prefWidthProperty().bind(widthProperty().subtract(self.widthProperty()).subtract(totalColumn.widthProperty())
                .subtract(SCROLL_BAR_ROOM));
        getColumns().addAll(List.of(method, self, totalColumn));
        setPlaceholder(new Label("No samples in the selection"));
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getSelectionModel().getSelectedItem() != null) {
                openSandwich.accept(getSelectionModel().getSelectedItem().method());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                openSandwich.accept(getSelectionModel().getSelectedItem().method());
            }
        });
    }

    /** Shows {@code methods}; percentages are of {@code selectionTotal}. */
    void show(List<HotMethod> methods, long selectionTotal) {
        total = selectionTotal;
        getItems().setAll(methods);
    }

    private TableColumn<HotMethod, Long> weightColumn(String title, ToLongFunction<HotMethod> value) {
        TableColumn<HotMethod, Long> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        column.setCellFactory(c -> TableCells.whole(
                item -> String.format("%,d  %5.1f %%", item, total == 0 ? 0.0 : 100.0 * item / total)));
        column.setPrefWidth(70);
        column.setSortType(TableColumn.SortType.DESCENDING);
        return column;
    }
}
