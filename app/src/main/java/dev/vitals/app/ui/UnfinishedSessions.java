package dev.vitals.app.ui;

import dev.vitals.app.UserMessages;
import dev.vitals.model.session.LiveSessionFolder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The welcome pane's list of live session folders left unfinished (Vitals or the machine stopped
 * while recording, or the window was closed keeping the folder), each with Open, Save as .vitals
 * and Discard. Hidden while there are none. Listing, packing and deleting run off the FX thread.
 */
final class UnfinishedSessions extends VBox {
    private final SessionFolders folders;
    private final Consumer<Path> open;
    private final Label problem = new Label();

    /** @param open opens a folder in a tab (recovering whatever whole chunks it holds) */
    UnfinishedSessions(SessionFolders folders, Consumer<Path> open) {
        super(4);
        this.folders = folders;
        this.open = open;
        setId("unfinished");
        setAlignment(Pos.CENTER);
        problem.setId("unfinished-problem");
        problem.getStyleClass().add("danger");
        setVisible(false);
        setManaged(false);
        refresh();
    }

    /** Lists the unfinished folders again (off the FX thread). */
    void refresh() {
        CompletableFuture.supplyAsync(folders::unfinished, Background.FILES)
                .thenAccept(list -> Platform.runLater(() -> show(list)));
    }

    private void show(List<Path> unfinished) {
        getChildren().clear();
        setVisible(!unfinished.isEmpty());
        setManaged(!unfinished.isEmpty());
        if (unfinished.isEmpty()) {
            return;
        }
        Label heading = new Label("Unfinished live sessions");
        heading.getStyleClass().add("title-4");
        Label hint = new Label("Recorded before Vitals stopped; open one, keep it as a .vitals file or discard it.");
        hint.getStyleClass().add("text-muted");
        getChildren().addAll(heading, hint);
        for (Path folder : unfinished) {
            Label name = new Label(folder.getFileName().toString());
            name.setTooltip(new Tooltip(folder.toString()));
            Button openButton = small("Open", "open-unfinished", () -> open.accept(folder));
            Button save = small("Save as…", "save-unfinished", () -> chooseAndSave(folder));
            Button discard = small("Discard", "discard-unfinished", () -> discard(folder));
            HBox row = new HBox(8, name, openButton, save, discard);
            row.setAlignment(Pos.CENTER);
            row.getStyleClass().add("unfinished-session");
            getChildren().add(row);
        }
        getChildren().add(problem);
    }

    private void chooseAndSave(Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save Session");
        chooser.setInitialFileName(folder.getFileName() + ".vitals");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Vitals sessions (*.vitals)", "*.vitals"));
        File target = chooser.showSaveDialog(getScene().getWindow());
        if (target != null) {
            run(() -> save(folder, target.toPath()), "Could not save " + target.getName());
        }
    }

    /** Packs {@code folder} into {@code target} and removes the folder: it is no longer unfinished. */
    static Path save(Path folder, Path target) throws IOException {
        LiveSessionFolder.open(folder).pack(target);
        LiveSessionFolder.delete(folder);
        return target;
    }

    private void discard(Path folder) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + folder + " and everything recorded in it?",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Discard Session");
        confirm.setHeaderText("Discard " + folder.getFileName() + "?");
        confirm.showAndWait().filter(b -> b == ButtonType.OK)
                .ifPresent(b -> run(() -> LiveSessionFolder.delete(folder), "Could not delete " + folder.getFileName()));
    }

    /** Runs file work off the FX thread, then lists again; a failure is shown under the list. */
    private void run(FileWork work, String failure) {
        CompletableFuture.runAsync(() -> {
            try {
                work.run();
                Platform.runLater(() -> problem.setText(""));
            } catch (IOException e) {
                Platform.runLater(() -> problem.setText(failure + ": " + UserMessages.describe(e)));
            }
        }, Background.FILES).thenRun(this::refresh);
    }

    @FunctionalInterface
    private interface FileWork {
        void run() throws IOException;
    }

    private static Button small(String text, String styleClass, Runnable action) {
        Button button = new Button(text);
        button.getStyleClass().addAll("small", styleClass);
        button.setOnAction(e -> action.run());
        return button;
    }
}
