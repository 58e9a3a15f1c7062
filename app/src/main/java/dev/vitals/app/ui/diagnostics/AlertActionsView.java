package dev.vitals.app.ui.diagnostics;

import dev.vitals.model.session.AlertAction;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * What each of the session's alert rules takes from the JVM when it fires live: a thread dump, a
 * heap histogram, or both, kept with the session as the evidence of the alert's bookmark.
 */
final class AlertActionsView extends VBox {
    private final DiagnosticsKept kept;
    private final GridPane grid = new GridPane();

    AlertActionsView(ObservableValue<List<String>> rules, DiagnosticsKept kept) {
        super(10);
        this.kept = kept;
        setId("alert-actions-view");
        setPadding(new Insets(12));
        Label intro = new Label("When a rule fires during this live session, take from the JVM (kept with the"
                + " session, attached to the alert's bookmark):");
        intro.setWrapText(true);
        grid.setHgap(16);
        grid.setVgap(8);
        getChildren().addAll(intro, grid);
        rules.addListener((obs, old, now) -> show(now));
        show(rules.getValue());
    }

    private void show(List<String> rules) {
        grid.getChildren().clear();
        for (int i = 0; i < rules.size(); i++) {
            String rule = rules.get(i);
            grid.addRow(i, new Label(rule), box(rule, AlertAction.THREAD_DUMP, "Thread dump", "on-alert-threads-" + i),
                    box(rule, AlertAction.HEAP_HISTOGRAM, "Heap histogram", "on-alert-histogram-" + i));
        }
    }

    private CheckBox box(String rule, AlertAction action, String text, String id) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setSelected(kept.alertActions().getOrDefault(rule, Set.of()).contains(action));
        box.selectedProperty().addListener((obs, old, now) -> {
            Set<AlertAction> actions = EnumSet.noneOf(AlertAction.class);
            actions.addAll(kept.alertActions().getOrDefault(rule, Set.of()));
            if (now) {
                actions.add(action);
            } else {
                actions.remove(action);
            }
            kept.alertActions().put(rule, Set.copyOf(actions));
        });
        return box;
    }
}
