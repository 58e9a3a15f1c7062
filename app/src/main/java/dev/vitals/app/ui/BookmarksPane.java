package dev.vitals.app.ui;

import dev.vitals.app.UserMessages;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.SessionFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.geometry.Insets;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The session's bookmarks: a list (label and span, in seconds from the recording's start); a
 * double click or Enter selects a bookmark's span, F2 renames it, Delete removes it; the buttons
 * above do the same and "Add…" bookmarks the current selection. "Open Snapshot" opens the
 * {@code .vitals} snapshot an alert took for its bookmark, in a tab of its own.
 */
final class BookmarksPane extends BorderPane {
    private final ListView<Bookmark> list;
    private final Label status = new Label();

    /**
     * @param annotations the session's bookmarks
     * @param origin      the recording's start, epoch nanos, for the times shown
     * @param select      selects a bookmark's span
     * @param add         asks for a label and adds a bookmark of the current selection
     */
    BookmarksPane(SessionAnnotations annotations, LongSupplier origin, Consumer<Bookmark> select, Runnable add) {
        list = new ListView<>(annotations.bookmarks());
        list.setId("bookmarks");
        list.setPlaceholder(new Label("No bookmarks yet: select a span and press Ctrl+B"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Bookmark b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.label() + "   " + span(b, origin.getAsLong()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null) {
                select.accept(selected());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                select.accept(selected());
            } else if (e.getCode() == KeyCode.F2) {
                rename(annotations);
            } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                delete(annotations);
            } else {
                return;
            }
            e.consume();
        });
        Button addButton = new Button("Add…");
        addButton.setId("add-bookmark");
        addButton.setTooltip(new Tooltip("Bookmark the selected span (Ctrl+B)"));
        addButton.setOnAction(e -> add.run());
        Button rename = new Button("Rename…");
        rename.setId("rename-bookmark");
        rename.setTooltip(new Tooltip("F2"));
        rename.setOnAction(e -> rename(annotations));
        Button delete = new Button("Delete");
        delete.setId("delete-bookmark");
        delete.setTooltip(new Tooltip("Delete"));
        delete.setOnAction(e -> delete(annotations));
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Button openSnapshot = new Button("Open Snapshot");
        openSnapshot.setId("open-snapshot");
        openSnapshot.setTooltip(new Tooltip("Open the .vitals snapshot the alert took for this bookmark"));
        openSnapshot.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !annotations.snapshots().containsKey(selected()), annotations.snapshots(),
                list.getSelectionModel().selectedItemProperty()));
        openSnapshot.setOnAction(e -> openSnapshot(annotations.snapshots().get(selected())));
        status.setId("bookmarks-status");
        status.getStyleClass().add("danger");
        status.setWrapText(true);
        setTop(new ToolBar(addButton, rename, delete));
        setCenter(list);
        // below the list, where the toolbar's overflow cannot hide it when the pane is narrow
        VBox below = new VBox(4, openSnapshot, status);
        below.visibleProperty().bind(Bindings.isNotEmpty(annotations.snapshots()));
        below.managedProperty().bind(below.visibleProperty());
        below.setPadding(new Insets(4));
        setBottom(below);
    }

    /** Takes the snapshot out of the session off the FX thread and asks the window to open it. */
    private void openSnapshot(KeptSnapshot snapshot) {
        if (snapshot == null) {
            return;
        }
        status.setText("");
        CompletableFuture.supplyAsync(() -> {
            try {
                Path scratch = Files.createTempDirectory("vitals-snapshot-");
                scratch.toFile().deleteOnExit();
                Path file = SessionFile.snapshot(snapshot.session(), snapshot.entry(), scratch);
                file.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Background.IMPORTS).whenComplete((file, error) -> Platform.runLater(() -> {
            if (error == null) {
                fireEvent(new OpenSessionEvent(file));
            } else {
                status.setText("Could not open the snapshot: " + String.join("; ", UserMessages.causes(error)));
            }
        }));
    }

    private Bookmark selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void rename(SessionAnnotations annotations) {
        Bookmark b = selected();
        if (b == null) {
            return;
        }
        int index = list.getSelectionModel().getSelectedIndex();
        askLabel(this, "Rename Bookmark", b.label(), label -> annotations.bookmarks().set(index, b.withLabel(label)));
    }

    private void delete(SessionAnnotations annotations) {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index >= 0) {
            annotations.bookmarks().remove(index);
        }
    }

    /** "2.000 s – 2.300 s" from the recording's start (one time for a point). */
    static String span(Bookmark b, long originNanos) {
        String from = String.format("%.3f s", (b.fromNanos() - originNanos) / 1e9);
        return b.toNanos() == b.fromNanos() ? from : from + " – " + String.format("%.3f s", (b.toNanos() - originNanos) / 1e9);
    }

    /** Asks for a label (not blank) in a dialog over {@code owner}; {@code done} gets it after OK. */
    static void askLabel(javafx.scene.Node owner, String title, String initial, Consumer<String> done) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText("Label");
        dialog.getEditor().setId("bookmark-label");
        dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).map(String::strip).filter(s -> !s.isEmpty())
                .ifPresent(done));
        dialog.show();
    }
}
