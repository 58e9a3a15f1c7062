package dev.vitals.app.ui;

import dev.vitals.attach.SettingsProfile;
import java.io.File;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Edit → Preferences: the theme (applied at once), the recording settings the JVM browser starts
 * with, the folder live sessions are written to (used by the next live session and searched for
 * unfinished sessions at start), and whether findings that appear live come with a desktop
 * notification (asked at each live evaluation, so running sessions follow it). Stored with
 * {@link Preferences} under the keys below.
 */
final class PreferencesDialog {
    /** Preference key: {@link Theme} name. */
    static final String THEME = "theme";
    /** Preference key: {@code default}, {@code detailed} or a {@code .jfc} file. */
    static final String RECORDING_SETTINGS = "recording.settings";
    /** Preference key: desktop notifications of new live findings (boolean, on by default). */
    static final String FINDING_NOTIFICATIONS = "findings.notifications";

    private PreferencesDialog() {
    }

    /** Shows the dialog; on OK stores the choices, applies the theme and calls {@code applied}. */
    static void show(Window owner, Preferences preferences, SessionFolders folders, Runnable applied) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Preferences");
        ComboBox<Theme> theme = new ComboBox<>();
        theme.setId("pref-theme");
        theme.getItems().setAll(Theme.values());
        theme.setValue(Theme.valueOf(preferences.get(THEME, Theme.LIGHT.name())));
        ComboBox<String> settings = SettingsChoice.create("pref-settings",
                preferences.get(RECORDING_SETTINGS, SettingsProfile.BUILT_IN.getFirst()));
        TextField folder = new TextField(folders.root().toString());
        folder.setId("pref-sessions-folder");
        folder.setPrefColumnCount(32);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for Live Sessions");
            File chosen = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getAbsolutePath());
            }
        });
        browse.setMinWidth(Region.USE_PREF_SIZE);
        folder.setMinWidth(120);
        CheckBox findingNotifications = new CheckBox("Desktop notifications");
        findingNotifications.setTooltip(new Tooltip("A desktop notification when a live finding appears or worsens"));
        findingNotifications.setId("pref-finding-notifications");
        findingNotifications.setSelected(preferences.getBoolean(FINDING_NOTIFICATIONS, true));
        HBox folderRow = new HBox(6, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);
        GridPane grid = new GridPane(10, 10);
        grid.setPadding(new Insets(12));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        grid.addRow(0, new Label("Theme"), theme);
        grid.addRow(1, new Label("Record new sessions with"), settings);
        grid.addRow(2, new Label("Live session folder"), folderRow);
        Label hint = new Label("A live session writes its raw data there as it arrives; unfinished ones are offered at start.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(hint, 1, 3);
        grid.addRow(4, new Label("Live findings"), findingNotifications);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("pref-ok");
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            preferences.put(THEME, theme.getValue().name());
            theme.getValue().apply();
            preferences.put(RECORDING_SETTINGS, settings.getValue());
            preferences.putBoolean(FINDING_NOTIFICATIONS, findingNotifications.isSelected());
            String location = folder.getText().strip();
            if (location.isEmpty() || Path.of(location).equals(SessionFolders.defaultRoot())) {
                preferences.remove(SessionFolders.LOCATION_KEY);
            } else {
                preferences.put(SessionFolders.LOCATION_KEY, Path.of(location).toAbsolutePath().toString());
            }
            applied.run();
        });
    }
}
