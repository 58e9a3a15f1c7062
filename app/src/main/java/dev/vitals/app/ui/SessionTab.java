package dev.vitals.app.ui;

import dev.vitals.app.UserMessages;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** A tab showing one session's views, of a recording or a live JVM: what the Session menu acts on. */
sealed interface SessionTab permits LiveTab, RecordingTab {
    /** The views, or null while the session is still opening or could not be opened. */
    ProfileView view();

    /** Asks where to save the session (data, bookmarks, notes, alert rules) as a {@code .vitals} file and saves it. */
    void chooseAndSave();

    /**
     * Asks for a {@code .vitals} file, saves into it with {@code save} and says how it went in
     * {@code status} ("Saved x.vitals" or why not).
     */
    static void chooseAndSave(Window owner, String initialName, Function<Path, CompletableFuture<Path>> save,
                              Consumer<String> status) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Session");
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Vitals sessions (*.vitals)", "*.vitals"));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            Path target = chosen.toPath();
            save.apply(target).whenComplete((saved, failure) -> Platform.runLater(() -> status.accept(failure == null
                    ? "Saved " + target.getFileName()
                    : "Could not save " + target.getFileName() + ": " + UserMessages.describe(failure))));
        }
    }
}
