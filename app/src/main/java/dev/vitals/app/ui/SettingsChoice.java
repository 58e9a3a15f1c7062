package dev.vitals.app.ui;

import dev.vitals.attach.SettingsProfile;
import java.io.File;
import javafx.scene.control.ComboBox;
import javafx.stage.FileChooser;

/**
 * A choice of recording settings: the built-in profiles, any {@code .jfc} files chosen before, and
 * "Custom .jfc…", which asks for a file that becomes a choice of its own (or falls back to the
 * choice before it when the user cancels).
 */
final class SettingsChoice {
    /** The entry that asks for a {@code .jfc} file; never the value for long. */
    static final String CUSTOM = "Custom .jfc…";

    private SettingsChoice() {
    }

    /** A combo box with {@code initial} chosen ({@code default}, {@code detailed} or a {@code .jfc} path). */
    static ComboBox<String> create(String id, String initial) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().addAll(SettingsProfile.BUILT_IN);
        box.getItems().add(CUSTOM);
        select(box, initial);
        String[] before = {initial};
        box.valueProperty().addListener((obs, old, now) -> {
            if (old != null && !CUSTOM.equals(old)) {
                before[0] = old;
            }
        });
        box.setOnAction(e -> {
            if (CUSTOM.equals(box.getValue())) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Recording Settings");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JFR settings (*.jfc)", "*.jfc"));
                File file = chooser.showOpenDialog(box.getScene().getWindow());
                select(box, file == null ? before[0] : file.getAbsolutePath());
            }
        });
        return box;
    }

    /** Chooses {@code value}, adding it (before "Custom .jfc…") if it is a file not listed yet. */
    static void select(ComboBox<String> box, String value) {
        if (!box.getItems().contains(value)) {
            box.getItems().add(box.getItems().size() - 1, value);
        }
        box.setValue(value);
    }
}
