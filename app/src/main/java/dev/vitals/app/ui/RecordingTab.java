package dev.vitals.app.ui;

import dev.vitals.app.RecordingFiles;
import dev.vitals.model.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * A tab for one recording ({@code .jfr}) or session ({@code .vitals}): imports it off the FX thread
 * with progress and cancel, then shows its {@link ProfileView}, or says in words why it could not.
 * What was skipped or recovered is said in a line above the view.
 */
final class RecordingTab extends Tab {
    private final Path file;
    private final Task<RecordingFiles> load;

    /** @param opened called on the FX thread once the file has been read */
    RecordingTab(Path file, Consumer<Path> opened) {
        super(file.getFileName().toString());
        this.file = file;
        setTooltip(new Tooltip(file.toString()));
        load = new Task<>() {
            @Override
            protected RecordingFiles call() throws Exception {
                updateMessage("Reading " + file.getFileName());
                return RecordingFiles.open(file, (done, total) -> {
                    updateProgress(done, total);
                    updateMessage(String.format("%.1f of %.1f MB", done / 1e6, total / 1e6));
                }, this::isCancelled);
            }
        };
        setContent(new LoadingPane("Opening " + file.getFileName() + "…", load));
        load.setOnSucceeded(e -> {
            setContent(withWarnings(load.getValue().warnings(),
                    new ProfileView(new Profile(load.getValue().snapshot()), false, frame -> false, method -> { })));
            opened.accept(file);
        });
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

    /** Above the view, a line saying what was skipped or recovered, each warning in its tooltip. */
    private static Node withWarnings(List<String> warnings, ProfileView view) {
        if (warnings.isEmpty()) {
            return view;
        }
        Label banner = new Label((warnings.size() == 1 ? "Warning: " : warnings.size() + " warnings. First: ") + warnings.getFirst());
        banner.setId("warnings");
        banner.getStyleClass().add("warning");
        banner.setWrapText(true);
        banner.setPadding(new Insets(4, 8, 4, 8));
        banner.setTooltip(new Tooltip(String.join("\n", warnings)));
        BorderPane pane = new BorderPane(view);
        pane.setTop(banner);
        return pane;
    }
}
