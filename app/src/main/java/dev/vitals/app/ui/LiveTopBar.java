package dev.vitals.app.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The live tab's top bar: Diagnostics…, what the views do now ({@link LiveWindowControls}), the
 * recording settings, Live ▸, Pause views / Resume, Save… and Stop. The buttons, the settings and
 * their label keep the width of their text; the sentence saying what the views do takes the room
 * left and wraps onto a second line where a narrow window (1280 wide) has too little, so no label is
 * cut. The owner wires the buttons' actions.
 */
final class LiveTopBar {
    private final Button diagnostics = button("diagnostics", "Diagnostics…",
            "Threads and deadlocks, heap histograms, JVM flags, diagnostic commands and MBeans of the target");
    private final Button save = button("save-session", "Save…", "Save what has arrived so far as a .vitals session");
    private final Button stop = button("stop", "Stop", "Stop recording and save the session as a .vitals file");
    private final HBox bar;

    LiveTopBar(LiveWindowControls window, ComboBox<String> recordWith) {
        recordWith.setTooltip(new Tooltip("What the target records from now on; the data so far stays"));
        Label state = window.state();
        state.setWrapText(true);
        state.setMinWidth(0);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.setTooltip(new Tooltip());
        state.getTooltip().textProperty().bind(state.textProperty());
        state.setMaxWidth(Double.MAX_VALUE);
        Label settings = new Label("Settings");
        for (Region whole : new Region[] {settings, recordWith, window.follow(), window.pause()}) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        // What changes with the mode keeps its size: a press holds the views, and a bar that grew or
        // shrank then would move the views under the pointer between press and release.
        Node steadyState = steady(state, LiveWindowControls.STATES.stream().map(LiveTopBar::ghost).toArray(Region[]::new));
        HBox.setHgrow(steadyState, Priority.ALWAYS);
        Node steadyPause = steady(window.pause(), LiveWindowControls.PAUSE_LABELS.stream()
                .map(text -> { Button b = new Button(text); b.setMinWidth(Region.USE_PREF_SIZE); return (Region) b; })
                .toArray(Region[]::new));
        bar = new HBox(8, diagnostics, steadyState, settings, recordWith, window.follow(), steadyPause, save, stop);
        bar.setId("live-top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
    }

    /** {@code shown} over invisible {@code ghosts} of its other texts: as large as the largest of them. */
    private static Node steady(Region shown, Region... ghosts) {
        StackPane pane = new StackPane(ghosts);
        for (Region ghost : ghosts) {
            ghost.setVisible(false);
        }
        pane.getChildren().add(shown);
        pane.setAlignment(Pos.CENTER_LEFT);
        pane.setMinWidth(shown.getMinWidth());
        return pane;
    }

    /** A wrapping label of one of the state's texts, to size the state by. */
    private static Region ghost(String text) {
        Label ghost = new Label(text);
        ghost.setWrapText(true);
        ghost.setMinWidth(0);
        ghost.setMinHeight(Region.USE_PREF_SIZE);
        ghost.setMaxWidth(Double.MAX_VALUE);
        ghost.getStyleClass().add("text-muted");
        return ghost;
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** The bar, to place above the views. */
    Node node() {
        return bar;
    }

    /** Opens the diagnostics window on the target. */
    Button diagnostics() {
        return diagnostics;
    }

    /** Saves what has arrived so far. */
    Button save() {
        return save;
    }

    /** Stops recording and saves the session. */
    Button stop() {
        return stop;
    }
}
