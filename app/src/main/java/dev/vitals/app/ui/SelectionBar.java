package dev.vitals.app.ui;

import dev.vitals.model.RecordingInfo;
import dev.vitals.model.query.Selection;
import dev.vitals.views.SelectionModel;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bar above a session's views: the current selection in words, with back, forward and clear,
 * and Set as baseline / Compare with baseline. Follows the selection model itself.
 */
final class SelectionBar {
    private final Label selection = new Label();
    private final ToolBar bar;

    /**
     * @param recording   the recording the selection's range is described against (the newest)
     * @param baseline    the baseline set, or null; Compare is disabled without one
     * @param setBaseline remembers the current selection as the baseline
     * @param compare     opens the comparison with the baseline
     */
    SelectionBar(SelectionModel model, Supplier<RecordingInfo> recording, ObservableValue<Selection> baseline,
            Runnable setBaseline, Runnable compare) {
        Button back = new Button("◀");
        back.setId("selection-back");
        back.setTooltip(new Tooltip("Previous selection (Alt+←)"));
        back.disableProperty().bind(model.canGoBackProperty().not());
        back.setOnAction(e -> model.back());
        Button forward = new Button("▶");
        forward.setId("selection-forward");
        forward.setTooltip(new Tooltip("Next selection (Alt+→)"));
        forward.disableProperty().bind(model.canGoForwardProperty().not());
        forward.setOnAction(e -> model.forward());
        Button clear = new Button("Whole recording");
        clear.setId("selection-clear");
        clear.setTooltip(new Tooltip("Clear the selection (Esc)"));
        clear.setOnAction(e -> model.clear());
        selection.setId("selection");
        selection.setText(RecordingText.describeSelection(model.getSelection(), recording.get()));
        model.selectionProperty().addListener((obs, old, now) ->
                selection.setText(RecordingText.describeSelection(now, recording.get())));
        Button baselineButton = new Button("Set as baseline");
        baselineButton.setId("set-baseline");
        baselineButton.setTooltip(new Tooltip("Remember this selection to compare another one with it (Ctrl+Shift+B)"));
        baselineButton.setOnAction(e -> setBaseline.run());
        Button compareButton = new Button("Compare with baseline");
        compareButton.setId("compare");
        compareButton.setTooltip(new Tooltip("Open the diff flame graph of this selection against the baseline (Ctrl+Shift+D)"));
        compareButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> baseline.getValue() == null, baseline));
        compareButton.setOnAction(e -> compare.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar = new ToolBar(back, forward, clear, selection, spacer, baselineButton, compareButton);
    }

    /** The bar, to place above the views. */
    ToolBar node() {
        return bar;
    }
}
