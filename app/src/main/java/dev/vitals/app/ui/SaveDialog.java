package dev.vitals.app.ui;

import dev.vitals.app.UserMessages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The Save Session dialog: it opens in the folder last saved into (while it exists), else in the
 * sessions folder, never in the directory Vitals was started from; a file saved goes into Recent.
 */
final class SaveDialog {
    /** Preference key of the folder last saved into. */
    static final String LAST_FOLDER_KEY = "save.folder";

    private final Preferences preferences;
    private final SessionFolders folders;
    private final RecentFiles recent;

    SaveDialog(Preferences preferences, SessionFolders folders, RecentFiles recent) {
        this.preferences = preferences;
        this.folders = folders;
        this.recent = recent;
    }

    /** Where the dialog opens: the folder last saved into, else the sessions folder; null if neither exists. */
    Path initialFolder() {
        String last = preferences.get(LAST_FOLDER_KEY, "");
        if (!last.isBlank() && Files.isDirectory(Path.of(last))) {
            return Path.of(last);
        }
        return Files.isDirectory(folders.root()) ? folders.root() : null;
    }

    /** Remembers a saved file: its folder for the next dialog, the file in Recent. */
    void saved(Path file) {
        Path absolute = file.toAbsolutePath();
        preferences.put(LAST_FOLDER_KEY, absolute.getParent().toString());
        recent.add(absolute);
    }

    /**
     * Asks for a {@code .vitals} file, saves into it with {@code save} and says how it went in
     * {@code status} ("Saved x.vitals" or why not).
     */
    void chooseAndSave(Window owner, String initialName, Function<Path, CompletableFuture<Path>> save,
                       Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Session");
        chooser.setInitialFileName(initialName);
        Path folder = initialFolder();
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Vitals sessions (*.vitals)", "*.vitals"));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            Path target = chosen.toPath();
            save.apply(target).whenComplete((done, failure) -> Platform.runLater(() -> {
                if (failure == null) {
                    saved(target);
                }
                status.accept(failure == null ? "Saved " + target.getFileName()
                        : "Could not save " + target.getFileName() + ": " + UserMessages.describe(failure));
            }));
        }
    }
}
