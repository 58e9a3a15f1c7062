package dev.vitals.app.ui;

import dev.vitals.model.query.Selection;
import dev.vitals.model.query.Transform;
import dev.vitals.views.SelectionModel;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;

/**
 * The chips above the flame graph: one per transform of the selection (a click removes it and those
 * after it) and one for the sandwich view of a method (a click closes it).
 */
final class TransformChips {
    private final HBox chips = new HBox(4);
    private final SelectionModel model;
    private final Runnable closeSandwich;

    TransformChips(SelectionModel model, Runnable closeSandwich) {
        this.model = model;
        this.closeSandwich = closeSandwich;
        chips.setId("transforms");
    }

    /** The chips' box. */
    HBox node() {
        return chips;
    }

    /** Shows the chips for the selection's transforms and the sandwich of {@code sandwichMethod} (or none, if null). */
    void show(Selection selection, String sandwichMethod) {
        chips.getChildren().clear();
        List<Transform> stack = selection.transforms();
        for (int i = 0; i < stack.size(); i++) {
            int keep = i;
            Button chip = new Button(RecordingText.describe(stack.get(i)) + "  ✕");
            chip.getStyleClass().addAll("small", "transform-chip");
            chip.setOnAction(e -> {
                Selection s = model.getSelection();
                while (s.transforms().size() > keep) {
                    s = s.pop();
                }
                model.select(s);
            });
            chips.getChildren().add(chip);
        }
        if (sandwichMethod != null) {
            Button chip = new Button("Sandwich: " + RecordingText.shortName(sandwichMethod) + "  ✕");
            chip.setId("close-sandwich");
            chip.getStyleClass().addAll("small", "transform-chip");
            chip.setOnAction(e -> closeSandwich.run());
            chips.getChildren().add(chip);
        }
    }
}
