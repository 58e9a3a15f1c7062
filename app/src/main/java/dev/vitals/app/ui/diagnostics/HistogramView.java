package dev.vitals.app.ui.diagnostics;

import dev.vitals.attach.Diagnostics;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.HistogramDiff;
import dev.vitals.model.diagnostics.HistogramRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * Heap histograms of the JVM: one at a time as a sortable, filtered table, or two compared (the
 * growth of each class's instances and bytes, largest first).
 */
final class HistogramView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Diagnostics diagnostics;
    private final DiagnosticsKept kept;
    private final Label status = new Label();
    private final ComboBox<HeapHistogram> histograms = new ComboBox<>();
    private final ComboBox<HeapHistogram> diffWith = new ComboBox<>();
    private final CheckBox liveOnly = new CheckBox("Live objects only (full GC)");
    private final CheckBox grownOnly = new CheckBox("Grown only");
    private final TextField filter = new TextField();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final FilteredList<Line> shown = new FilteredList<>(lines);
    private final TableView<Line> table = new TableView<>();
    private final List<TableColumn<Line, ?>> deltaColumns = new ArrayList<>();

    /** One row of the table: a class (as Java writes it: {@code byte[]}), its counts, and their growth since the compared histogram (0 without one). */
    record Line(String className, String module, long instances, long bytes, long instancesDelta, long bytesDelta) {
    }

    /** {@code diagnostics} null: a saved session's histograms only. */
    HistogramView(Diagnostics diagnostics, DiagnosticsKept kept) {
        this.diagnostics = diagnostics;
        this.kept = kept;
        setId("histogram-view");
        Button take = new Button("Take Histogram");
        take.setId("take-histogram");
        // a saved session has no JVM to ask: its dumps can be read and compared, not taken
        take.setVisible(diagnostics != null);
        take.setManaged(diagnostics != null);
        take.setOnAction(e -> takeHistogram());
        liveOnly.setVisible(diagnostics != null);
        liveOnly.setManaged(diagnostics != null);
        liveOnly.setId("live-only");
        liveOnly.setSelected(true);
        liveOnly.setTooltip(new Tooltip("Collect garbage first (a full GC, a pause) and count reachable objects only;"
                + " unchecked, every object on the heap is counted without a GC"));
        StringConverter<HeapHistogram> names = new StringConverter<>() {
            @Override
            public String toString(HeapHistogram h) {
                return h == null ? "(none)" : describe(h) + kept.bookmarkOf(h).map(b -> " · " + b.label()).orElse("");
            }

            @Override
            public HeapHistogram fromString(String text) {
                return null;
            }
        };
        histograms.setId("histograms");
        histograms.setItems(kept.histograms());
        histograms.setConverter(names);
        histograms.setPromptText("No histogram yet");
        diffWith.setId("diff-with");
        diffWith.setConverter(names);
        diffWith.setPromptText("Compare with…");
        kept.histograms().addListener((ListChangeListener<HeapHistogram>) c -> updateDiffChoices());
        histograms.valueProperty().addListener((obs, old, now) -> show());
        diffWith.valueProperty().addListener((obs, old, now) -> show());
        grownOnly.setId("grown-only");
        grownOnly.selectedProperty().addListener((obs, old, now) -> refilter());
        filter.setId("class-filter");
        filter.setPromptText("Filter classes");
        filter.textProperty().addListener((obs, old, now) -> refilter());

        HBox bar = new HBox(8, take, liveOnly, histograms, diffWith, grownOnly, filter);
        HBox.setHgrow(filter, Priority.ALWAYS);
        for (Region fixed : List.of(take, liveOnly, histograms, diffWith, grownOnly)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        table.setId("histogram");
        table.setPlaceholder(new Label("Take a histogram to see what the heap holds; take another to see what grows."));
        TableColumn<Line, String> name = new TableColumn<>("Class");
        name.setPrefWidth(380);
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().className()));
        table.getColumns().add(name);
        TableColumn<Line, Long> instancesDelta = number("+Instances", Line::instancesDelta, true);
        TableColumn<Line, Long> bytesDelta = number("+Bytes", Line::bytesDelta, true);
        deltaColumns.add(instancesDelta);
        deltaColumns.add(bytesDelta);
        table.getColumns().add(instancesDelta);
        table.getColumns().add(bytesDelta);
        table.getColumns().add(number("Instances", Line::instances, false));
        TableColumn<Line, Long> bytes = number("Bytes", Line::bytes, false);
        table.getColumns().add(bytes);
        TableColumn<Line, String> module = new TableColumn<>("Module");
        module.setPrefWidth(160);
        module.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().module()));
        table.getColumns().add(module);
        SortedList<Line> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        status.setId("histogram-status");
        status.getStyleClass().add("text-muted");
        setTop(bar);
        setCenter(table);
        setBottom(status);
        BorderPane.setMargin(status, new Insets(2, 6, 2, 6));
        updateDiffChoices();
        if (!kept.histograms().isEmpty()) {
            histograms.setValue(kept.histograms().getLast());
        }
        show();
    }

    private static TableColumn<Line, Long> number(String title, ToLongFunction<Line> value, boolean signed) {
        TableColumn<Line, Long> column = new TableColumn<>(title);
        column.setPrefWidth(110);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsLong(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Long n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : String.format(Locale.ROOT, signed ? "%+,d" : "%,d", n));
                setStyle("-fx-alignment: CENTER-RIGHT;" + (signed && n != null && n > 0 ? " -fx-text-fill: -color-danger-fg;" : ""));
            }
        });
        return column;
    }

    static String describe(HeapHistogram h) {
        return TIME.format(Instant.ofEpochMilli(h.takenEpochMillis())) + " · "
                + String.format(Locale.ROOT, "%,.1f MB", h.totalBytes() / 1e6) + (h.liveOnly() ? " live" : " all");
    }

    /** Takes a histogram off the FX thread, keeps it with the session and shows it, compared with the one before. */
    CompletableFuture<HeapHistogram> takeHistogram() {
        boolean live = liveOnly.isSelected();
        HeapHistogram previous = kept.histograms().isEmpty() ? null : kept.histograms().getLast();
        return OffFx.run(status, "Taking a heap histogram…", () -> diagnostics.histogram(live), h -> {
            kept.add(h);
            histograms.setValue(h);
            if (previous != null) {
                diffWith.setValue(previous);
            }
        });
    }

    private void updateDiffChoices() {
        HeapHistogram chosen = diffWith.getValue();
        List<HeapHistogram> others = new ArrayList<>(kept.histograms());
        others.remove(histograms.getValue());
        diffWith.getItems().setAll(others);
        diffWith.setValue(others.contains(chosen) ? chosen : null);
    }

    private void show() {
        updateDiffChoices();
        HeapHistogram current = histograms.getValue();
        HeapHistogram other = diffWith.getValue();
        deltaColumns.forEach(c -> c.setVisible(other != null));
        grownOnly.setDisable(other == null);
        table.getSortOrder().clear();
        if (current == null) {
            lines.clear();
            return;
        }
        if (other == null) {
            lines.setAll(current.rows().stream().map(HistogramView::line).toList());
        } else {
            HeapHistogram before = other.takenEpochMillis() <= current.takenEpochMillis() ? other : current;
            HeapHistogram after = before == other ? current : other;
            Map<String, String> modules = new HashMap<>();
            before.rows().forEach(r -> modules.put(r.className(), r.module()));
            after.rows().forEach(r -> modules.put(r.className(), r.module()));
            lines.setAll(HistogramDiff.of(before, after).rows().stream().map(r -> new Line(HistogramRow.javaName(r.className()),
                    modules.getOrDefault(r.className(), ""), r.instancesAfter(), r.bytesAfter(), r.instancesDelta(),
                    r.bytesDelta())).toList());
            status.setText("Compared with " + describe(before) + ": growth since then, largest in bytes first");
        }
        refilter();
    }

    private static Line line(HistogramRow r) {
        return new Line(HistogramRow.javaName(r.className()), r.module(), r.instances(), r.bytes(), 0, 0);
    }

    private void refilter() {
        String text = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        boolean grown = grownOnly.isSelected() && diffWith.getValue() != null;
        shown.setPredicate(l -> (text.isEmpty() || l.className().toLowerCase(Locale.ROOT).contains(text))
                && (!grown || l.instancesDelta() > 0 || l.bytesDelta() > 0));
    }
}
