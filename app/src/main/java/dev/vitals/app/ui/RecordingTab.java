package dev.vitals.app.ui;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.JfrFiles;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/**
 * A tab for one recording file: imports it off the FX thread with progress and cancel, then shows
 * its {@link ProfileView}, or says in words why it could not.
 */
final class RecordingTab extends Tab {
    private final Path file;
    private final Task<Profile> load;

    RecordingTab(Path file) {
        super(file.getFileName().toString());
        this.file = file;
        setTooltip(new Tooltip(file.toString()));
        load = new Task<>() {
            @Override
            protected Profile call() throws Exception {
                updateMessage("Reading " + file.getFileName());
                return JfrFiles.importFile(file, (done, total) -> {
                    updateProgress(done, total);
                    updateMessage(String.format("%.1f of %.1f MB", done / 1e6, total / 1e6));
                }, this::isCancelled);
            }
        };
        setContent(new LoadingPane("Opening " + file.getFileName() + "…", load));
        load.setOnSucceeded(e -> setContent(new ProfileView(load.getValue(), false, frame -> false, method -> { })));
        load.setOnFailed(e -> setContent(new FailurePane("Could not open " + file.getFileName(), load.getException())));
        load.setOnCancelled(e -> {
            if (getTabPane() != null) {
                getTabPane().getTabs().remove(this);
            }
        });
        setOnClosed(e -> load.cancel());
        Background.IMPORTS.submit(load);
    }

    Path file() {
        return file;
    }
}
