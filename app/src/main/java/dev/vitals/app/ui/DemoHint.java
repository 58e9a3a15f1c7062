package dev.vitals.app.ui;

import atlantafx.base.theme.Styles;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The demo's first-minute hint: what the demo does and how to go from its spike to the stacks. It
 * shows until dismissed, once: the dismissal is kept in the preferences.
 */
final class DemoHint {
    /** The preference that says the hint was dismissed. */
    static final String DISMISSED = "demoHintDismissed";
    static final String TEXT = "The demo runs one 300 ms request in Work.spike every 5 s on the 'requests' thread,"
            + " beside CPU workers and two 'contender' threads that fight over one lock. Each spike puts a red tick"
            + " above the CPU chart (and a dark cell in Latency): click it to see the spike's stacks in the flame"
            + " graph. The views hold still while you point or select; End or Live ▸ follows the newest data again.";

    private DemoHint() {
    }

    /** True if the hint is still to be shown. */
    static boolean wanted(Preferences preferences) {
        return !preferences.getBoolean(DISMISSED, false);
    }

    /** The hint bar; its button remembers the dismissal and runs {@code remove}. */
    static Node create(Preferences preferences, Runnable remove) {
        Label text = new Label(TEXT);
        text.setWrapText(true);
        text.setId("demo-hint-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Got it");
        dismiss.setId("demo-hint-dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> {
            preferences.putBoolean(DISMISSED, true);
            remove.run();
        });
        HBox bar = new HBox(12, text, dismiss);
        bar.setId("demo-hint");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add(Styles.BG_ACCENT_SUBTLE);
        return bar;
    }
}
