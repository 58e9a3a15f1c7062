package dev.vitals.app.ui.diagnostics;

import dev.vitals.attach.Diagnostics;
import dev.vitals.attach.JvmFacts;
import dev.vitals.attach.VmFlag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The JVM's configuration read live: flags with their origin, system properties, the JVM's
 * arguments, its uptime and the JFR recordings in it with their settings.
 */
final class FactsView extends BorderPane {
    private final Diagnostics diagnostics;
    private final Label status = new Label();
    private final Label uptime = new Label();
    private final ObservableList<VmFlag> flags = FXCollections.observableArrayList();
    private final FilteredList<VmFlag> shownFlags = new FilteredList<>(flags);
    private final ObservableList<Map.Entry<String, String>> properties = FXCollections.observableArrayList();
    private final FilteredList<Map.Entry<String, String>> shownProperties = new FilteredList<>(properties);
    private final ListView<String> arguments = new ListView<>();
    private final ListView<String> recordings = new ListView<>();
    private final TextField filter = new TextField();
    private final CheckBox setOnly = new CheckBox("Set only (not default)");
    private boolean loaded;

    FactsView(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        setId("facts-view");
        Button refresh = new Button("Refresh");
        refresh.setId("refresh-facts");
        refresh.setOnAction(e -> refresh());
        filter.setId("facts-filter");
        filter.setPromptText("Filter flags and properties");
        filter.textProperty().addListener((obs, old, now) -> refilter());
        setOnly.setId("flags-set-only");
        setOnly.setSelected(true);
        setOnly.selectedProperty().addListener((obs, old, now) -> refilter());
        uptime.setId("uptime");
        HBox bar = new HBox(8, refresh, filter, setOnly, uptime);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        TableView<VmFlag> flagTable = table(shownFlags, "flags");
        flagTable.getColumns().add(column("Flag", 260, VmFlag::name));
        flagTable.getColumns().add(column("Value", 220, VmFlag::value));
        flagTable.getColumns().add(column("Origin", 120, VmFlag::origin));
        flagTable.getColumns().add(column("Type", 80, VmFlag::type));
        flagTable.getColumns().add(column("Kinds", 160, VmFlag::kinds));
        TableView<Map.Entry<String, String>> propertyTable = table(shownProperties, "properties");
        propertyTable.getColumns().add(column("Property", 280, Map.Entry::getKey));
        propertyTable.getColumns().add(column("Value", 520, Map.Entry::getValue));
        arguments.setId("arguments");
        recordings.setId("recordings");
        recordings.setPlaceholder(new Label("No JFR recording in this JVM"));
        TabPane tabs = new TabPane(new Tab("Flags", flagTable), new Tab("System Properties", propertyTable),
                new Tab("Arguments", arguments), new Tab("Recordings", recordings));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(bar);
        setCenter(tabs);
        status.setId("facts-status");
        status.getStyleClass().add("text-muted");
        setBottom(status);
        BorderPane.setMargin(status, new Insets(2, 6, 2, 6));
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null && !loaded) {
                loaded = true;
                refresh();
            }
        });
    }

    private static <T> TableView<T> table(FilteredList<T> items, String id) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        SortedList<T> sorted = new SortedList<>(items);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private void refresh() {
        OffFx.run(status, "Reading the JVM's configuration…", diagnostics::facts, this::show);
    }

    private void show(JvmFacts facts) {
        flags.setAll(facts.flags());
        properties.setAll(new TreeMap<>(facts.systemProperties()).entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        arguments.getItems().setAll(facts.inputArguments());
        recordings.getItems().setAll(facts.recordings().stream().map(r -> "#" + r.id() + " " + r.name() + " (" + r.state()
                + "): " + r.settings().entrySet().stream().map(s -> s.getKey() + "=" + s.getValue()).sorted().collect(Collectors.joining(", "))).toList());
        long seconds = facts.uptime().toSeconds();
        uptime.setText(String.format(Locale.ROOT, "Up %dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60));
        status.setText(facts.allFlags() ? facts.flags().size() + " flags"
                : "Only the manageable flags: reading all of them needs the JMX control role");
        refilter();
    }

    private void refilter() {
        String text = filter.getText() == null ? "" : filter.getText().strip().toLowerCase(Locale.ROOT);
        shownFlags.setPredicate(f -> (!setOnly.isSelected() || f.set())
                && (text.isEmpty() || f.name().toLowerCase(Locale.ROOT).contains(text)));
        shownProperties.setPredicate(p -> text.isEmpty() || p.getKey().toLowerCase(Locale.ROOT).contains(text)
                || p.getValue().toLowerCase(Locale.ROOT).contains(text));
    }
}
