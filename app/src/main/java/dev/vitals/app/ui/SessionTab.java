package dev.vitals.app.ui;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** A tab showing one session's views, of a recording or a live JVM: what the Session menu acts on. */
sealed interface SessionTab permits LiveTab, RecordingTab {
    /** The views, or null while the session is still opening or could not be opened. */
    ProfileView view();

    /** Asks where to save the session (data, bookmarks, notes, alert rules) as a {@code .vitals} file and saves it. */
    void chooseAndSave();

    /** Asks for a {@code .vitals} file to save into; null if the user cancelled. */
    static Path chooseTarget(Window owner, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Session");
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Vitals sessions (*.vitals)", "*.vitals"));
        File target = chooser.showSaveDialog(owner);
        return target == null ? null : target.toPath();
    }
}
