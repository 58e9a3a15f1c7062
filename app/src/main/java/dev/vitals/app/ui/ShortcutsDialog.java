package dev.vitals.app.ui;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Help → Keyboard Shortcuts: every shortcut the window and its views answer to, none of them cut. */
final class ShortcutsDialog {
    /** One row of the table: the keys and what they do. */
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+O", "Open a recording (.jfr) or session (.vitals)"),
            new Shortcut("Ctrl+W", "Close the current session tab"),
            new Shortcut("Ctrl+S", "Save the session (data, bookmarks, notes, alert rules) as a .vitals file"),
            new Shortcut("Ctrl+B", "Bookmark the selected span (or the visible one)"),
            new Shortcut("Ctrl+Shift+A", "Edit the session's alert rules"),
            new Shortcut("F2 / Delete", "Rename / delete the bookmark chosen in the Notes tab"),
            new Shortcut("Ctrl+Shift+R", "Add a remote JVM (JMX host and port)"),
            new Shortcut("Ctrl+Shift+B", "Set the current selection as the baseline of a comparison"),
            new Shortcut("Ctrl+Shift+D", "Compare the current selection with the baseline (diff flame graph)"),
            new Shortcut("Ctrl+,", "Preferences"),
            new Shortcut("Ctrl+Q", "Quit"),
            new Shortcut("Ctrl+Shift+T", "Switch between the light and dark theme"),
            new Shortcut("Ctrl+Shift+J", "Show or hide the JVM sidebar (remembered)"),
            new Shortcut("F1", "This list"));

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane(24, 6);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label keys = new Label(SHORTCUTS.get(i).keys());
            keys.getStyleClass().add("text-bold");
            Label action = new Label(SHORTCUTS.get(i).action());
            keys.setMinWidth(Region.USE_PREF_SIZE);
            action.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(i, keys, action);
        }
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard Shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(grid);
        dialog.show();
    }
}
