package dev.vitals.app.ui;

import dev.vitals.model.session.AlertActions;
import dev.vitals.model.session.AlertRule;
import dev.vitals.views.TableCells;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Session → Alert Rules…: the session's rules in a list (the check box switches a rule on or off)
 * and a form for the selected one, with what the rule takes from the JVM when it fires live (a
 * thread dump, a heap histogram, a {@code .vitals} snapshot of the last minutes). Every edit is checked at once by building the rule: a bad value
 * shows the rule's own message under the form, and until it is fixed (or the rule removed) the
 * list and OK are disabled. OK hands back the rules and whether they become the defaults for new
 * sessions.
 */
final class AlertRulesDialog {
    /** What OK gives: the rules, and whether to keep them as the defaults. */
    record Result(List<AlertRule> rules, boolean asDefaults) {
    }

    /** The kinds of rule, in the order offered. */
    enum Kind {
        CPU("JVM CPU"), HEAP("Heap after GC"), GC_PAUSE("GC pause"), LATENCY("p99 latency"), BLOCKED("Blocked thread");

        final String title;

        Kind(String title) {
            this.title = title;
        }

        static Kind of(AlertRule rule) {
            return switch (rule) {
                case AlertRule.CpuAbove r -> CPU;
                case AlertRule.HeapAfterGcAbove r -> HEAP;
                case AlertRule.GcPauseAbove r -> GC_PAUSE;
                case AlertRule.LatencyAbove r -> LATENCY;
                case AlertRule.ThreadBlocked r -> BLOCKED;
            };
        }

        /** The default rule of this kind. */
        AlertRule template() {
            return AlertRule.defaults().stream().filter(r -> of(r) == this).findFirst().orElseThrow();
        }
    }

    /** The narrowest a text field of the form gets. */
    private static final double FIELD_MIN_WIDTH = 140;
    /** Room beside a rule's text for the list's scroll bar and the cell's check box spacing. */
    private static final double SCROLL_BAR_ROOM = 24;

    private final Dialog<Result> dialog = new Dialog<>();
    private final ObservableList<AlertRule> rules;
    private final ListView<AlertRule> list;
    private final ComboBox<Kind> kind = new ComboBox<>(FXCollections.observableArrayList(Kind.values()));
    private final TextField name = new TextField();
    private final TextField threshold = new TextField();
    private final Label thresholdUnit = new Label();
    private final TextField seconds = new TextField();
    private final Label secondsLabel = new Label();
    private final ComboBox<String> eventType = new ComboBox<>();
    private final ChoiceBox<AlertRule.HeapBase> heapBase = new ChoiceBox<>(
            FXCollections.observableArrayList(AlertRule.HeapBase.values()));
    private final CheckBox takeDump = new CheckBox("Thread dump");
    private final CheckBox takeHistogram = new CheckBox("Heap histogram (a full GC)");
    private final CheckBox takeSnapshot = new CheckBox("Snapshot of the last");
    private final TextField snapshotMinutes = new TextField();
    private final Label error = new Label();
    private final CheckBox asDefaults = new CheckBox("Use these rules for new sessions too");
    private final GridPane form = new GridPane(8, 6);
    private boolean filling;

    private AlertRulesDialog(Window owner, List<AlertRule> current, List<String> eventTypes) {
        rules = FXCollections.observableArrayList(current);
        list = new ListView<>(rules);
        list.setId("alert-rules");
        list.setCellFactory(v -> new RuleCell());
        list.setPrefSize(270, 260);
        // The dialog opens as wide as the first rule's form; a kind with longer labels (GC pause,
        // blocked thread) narrows the fields, never the labels or units, so nothing is cut.
        kind.setPrefWidth(170);
        name.setPrefWidth(200);
        eventType.setPrefWidth(200);
        for (Region field : List.of(kind, name, eventType)) {
            field.setMinWidth(FIELD_MIN_WIDTH);
        }
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        ColumnConstraints units = new ColumnConstraints();
        units.setMinWidth(Region.USE_PREF_SIZE);
        form.getColumnConstraints().addAll(labels, fields, units);
        eventType.getItems().setAll(eventTypes);
        eventType.setEditable(true);
        kind.setConverter(converter(k -> k.title));
        heapBase.setConverter(converter(b -> "of the " + b.words() + " heap"));
        name.setId("rule-name");
        threshold.setId("rule-threshold");
        seconds.setId("rule-seconds");
        eventType.setId("rule-event-type");
        kind.setId("rule-kind");
        takeDump.setId("rule-take-dump");
        takeHistogram.setId("rule-take-histogram");
        takeSnapshot.setId("rule-take-snapshot");
        snapshotMinutes.setId("rule-snapshot-minutes");
        snapshotMinutes.setPrefColumnCount(3);
        snapshotMinutes.disableProperty().bind(takeSnapshot.selectedProperty().not());
        error.setId("rule-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        asDefaults.setId("rules-as-defaults");
        asDefaults.setSelected(true);

        list.getSelectionModel().selectedItemProperty().addListener((obs, old, rule) -> {
            if (!filling) {
                fill(rule);
            }
        });
        kind.valueProperty().addListener((obs, old, k) -> {
            if (!filling && k != null && selected() >= 0 && Kind.of(rules.get(selected())) != k) {
                replace(k.template());
                fill(rules.get(selected()));
            }
        });
        for (Observable field : List.of(name.textProperty(), threshold.textProperty(), seconds.textProperty(),
                eventType.valueProperty(), eventType.getEditor().textProperty(), heapBase.valueProperty(),
                takeDump.selectedProperty(), takeHistogram.selectedProperty(), takeSnapshot.selectedProperty(),
                snapshotMinutes.textProperty())) {
            field.addListener(o -> edited());
        }

        MenuButton add = new MenuButton("Add");
        add.setId("add-rule");
        for (Kind k : Kind.values()) {
            MenuItem item = new MenuItem(k.title);
            item.setOnAction(e -> {
                rules.add(k.template());
                list.getSelectionModel().selectLast();
            });
            add.getItems().add(item);
        }
        Button remove = new Button("Remove");
        remove.setId("remove-rule");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            rules.remove(selected());
            error.setText("");
            list.setDisable(false);
        });
        Button restore = new Button("Restore defaults");
        restore.setOnAction(e -> rules.setAll(AlertRule.defaults()));
        add.disableProperty().bind(list.disabledProperty());
        restore.disableProperty().bind(list.disabledProperty());

        BorderPane content = new BorderPane();
        content.setLeft(new VBox(6, list, new HBox(6, add, remove, restore)));
        VBox right = new VBox(8, form, error);
        right.setPadding(new Insets(0, 0, 0, 12));
        right.setMinWidth(320);
        content.setCenter(right);
        content.setBottom(asDefaults);
        BorderPane.setMargin(asDefaults, new Insets(10, 0, 0, 0));

        dialog.initOwner(owner);
        dialog.setTitle("Alert Rules");
        dialog.setResizable(true);
        dialog.setHeaderText("Rules checked on live data and over opened recordings");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("rules-ok");
        ok.disableProperty().bind(list.disabledProperty());
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Result(List.copyOf(rules), asDefaults.isSelected()) : null);
        list.getSelectionModel().selectFirst();
        fill(list.getSelectionModel().getSelectedItem());
    }

    /** Shows the dialog; {@code done} gets the result after OK. */
    static void show(Window owner, List<AlertRule> current, List<String> eventTypes, Consumer<Result> done) {
        AlertRulesDialog d = new AlertRulesDialog(owner, current, eventTypes);
        d.dialog.setOnHidden(e -> {
            if (d.dialog.getResult() != null) {
                done.accept(d.dialog.getResult());
            }
        });
        d.dialog.show();
    }

    private int selected() {
        return list.getSelectionModel().getSelectedIndex();
    }

    /** Puts a rule's values in the form and shows the fields of its kind. */
    private void fill(AlertRule rule) {
        filling = true;
        form.getChildren().clear();
        error.setText("");
        if (rule != null) {
            kind.setValue(Kind.of(rule));
            name.setText(rule.name());
            form.addRow(0, new Label("Kind"), kind);
            form.addRow(1, new Label("Name"), name);
            switch (rule) {
                case AlertRule.CpuAbove r -> {
                    thresholdRow("CPU above", r.percent(), "%");
                    secondsRow("for at least", r.seconds());
                }
                case AlertRule.HeapAfterGcAbove r -> {
                    thresholdRow("Heap after GC above", r.percent(), "%");
                    heapBase.setValue(r.of());
                    form.addRow(3, new Label(""), heapBase);
                }
                case AlertRule.GcPauseAbove r -> thresholdRow("Pause longer than", r.millis(), "ms");
                case AlertRule.LatencyAbove r -> {
                    eventType.setValue(r.eventType());
                    eventType.getEditor().setText(r.eventType());
                    form.addRow(2, new Label("Event type"), eventType);
                    thresholdRow("p99 above", r.millis(), "ms");
                    secondsRow("in windows of", r.windowSeconds());
                }
                case AlertRule.ThreadBlocked r -> thresholdRow("Blocked longer than", r.millis(), "ms");
            }
            AlertActions actions = rule.actions();
            takeDump.setSelected(actions.threadDump());
            takeHistogram.setSelected(actions.heapHistogram());
            takeSnapshot.setSelected(actions.snapshotMinutes() > 0);
            snapshotMinutes.setText(Integer.toString(actions.snapshotMinutes() > 0 ? actions.snapshotMinutes() : 5));
            Label when = new Label("When it fires live, take");
            form.add(when, 0, form.getRowCount(), 3, 1);
            GridPane.setMargin(when, new Insets(8, 0, 0, 0));
            form.add(new VBox(6, takeDump, takeHistogram, new HBox(6, takeSnapshot, snapshotMinutes, new Label("min"))),
                    0, form.getRowCount(), 3, 1);
        }
        filling = false;
    }

    private void thresholdRow(String label, double value, String unit) {
        threshold.setText(number(value));
        thresholdUnit.setText(unit);
        form.addRow(form.getRowCount(), new Label(label), threshold, thresholdUnit);
    }

    private void secondsRow(String label, double value) {
        seconds.setText(number(value));
        secondsLabel.setText(label);
        form.addRow(form.getRowCount(), secondsLabel, seconds, new Label("s"));
    }

    /** A field changed: build the rule; show its message if it cannot be built. */
    private void edited() {
        if (filling || selected() < 0) {
            return;
        }
        try {
            replace(build(rules.get(selected())));
            error.setText("");
            list.setDisable(false);
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            list.setDisable(true);
        }
    }

    private void replace(AlertRule rule) {
        int index = selected();
        filling = true;
        rules.set(index, rule);
        list.getSelectionModel().select(index);
        filling = false;
    }

    /** The rule the form describes, of the same kind and switched on or off as {@code was}. */
    private AlertRule build(AlertRule was) {
        String n = name.getText().strip();
        boolean on = was.enabled();
        AlertActions actions = new AlertActions(takeDump.isSelected(), takeHistogram.isSelected(),
                takeSnapshot.isSelected() ? minutes() : 0);
        return withoutActions(was, n, on).withActions(actions);
    }

    /** The snapshot's length in whole minutes, 1 to the longest. */
    private int minutes() {
        try {
            int minutes = Integer.parseInt(snapshotMinutes.getText().strip());
            if (minutes >= 1) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("The snapshot must cover 1 to " + AlertActions.MAX_SNAPSHOT_MINUTES
                + " whole minutes.");
    }

    private AlertRule withoutActions(AlertRule was, String n, boolean on) {
        return switch (was) {
            case AlertRule.CpuAbove r -> new AlertRule.CpuAbove(n, on, parse(threshold, "The CPU threshold"),
                    parse(seconds, "The duration"));
            case AlertRule.HeapAfterGcAbove r -> new AlertRule.HeapAfterGcAbove(n, on, parse(threshold, "The heap threshold"),
                    heapBase.getValue());
            case AlertRule.GcPauseAbove r -> new AlertRule.GcPauseAbove(n, on, parse(threshold, "The pause threshold"));
            case AlertRule.LatencyAbove r -> new AlertRule.LatencyAbove(n, on, eventType.getEditor().getText().strip(),
                    parse(threshold, "The p99 threshold"), parse(seconds, "The window"));
            case AlertRule.ThreadBlocked r -> new AlertRule.ThreadBlocked(n, on, parse(threshold, "The blocked-thread threshold"));
        };
    }

    private static double parse(TextField field, String what) {
        try {
            return Double.parseDouble(field.getText().strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, like 200 or 1.5.");
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    /**
     * What a rule takes when it fires, short enough for the list ("on firing: dump + 2 min snapshot"),
     * or "" for nothing: the list does not widen (and the dialog cut) when the user ticks them all.
     */
    static String taken(AlertActions actions) {
        List<String> parts = new ArrayList<>();
        if (actions.threadDump()) {
            parts.add("dump");
        }
        if (actions.heapHistogram()) {
            parts.add("histogram");
        }
        if (actions.snapshotMinutes() > 0) {
            parts.add(actions.snapshotMinutes() + " min snapshot");
        }
        return parts.isEmpty() ? "" : "on firing: " + String.join(" + ", parts);
    }

    /** A rule in the list: a check box (on/off) with the rule's name, what it checks and what it takes. */
    private final class RuleCell extends ListCell<AlertRule> {
        private final CheckBox enabled = new CheckBox();

        RuleCell() {
            enabled.setOnAction(e -> {
                int index = getIndex();
                if (index >= 0 && index < rules.size()) {
                    rules.set(index, rules.get(index).withEnabled(enabled.isSelected()));
                }
            });
        }

        @Override
        protected void updateItem(AlertRule rule, boolean empty) {
            super.updateItem(rule, empty);
            if (empty || rule == null) {
                setText(null);
                setGraphic(null);
            } else {
                enabled.setSelected(rule.enabled());
                setGraphic(enabled);
                String takes = taken(rule.actions());
                setText(rule.name() + "\n" + rule.describe() + (takes.isEmpty() ? "" : "\n" + takes));
                // The list is never narrower than its widest rule, so no rule is cut.
                double needed = Math.max(Math.max(TableCells.width(rule.name(), getFont()),
                        TableCells.width(rule.describe(), getFont())), TableCells.width(takes, getFont()))
                        + enabled.prefWidth(-1) + getGraphicTextGap() + snappedLeftInset() + snappedRightInset() + SCROLL_BAR_ROOM;
                if (needed > list.getMinWidth()) {
                    list.setMinWidth(Math.ceil(needed));
                }
            }
        }
    }
}
