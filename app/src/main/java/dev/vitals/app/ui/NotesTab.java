package dev.vitals.app.ui;

import dev.vitals.model.session.Bookmark;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;

/** The Notes tab of a session: its bookmarks above, its notes below, both saved with the session. */
final class NotesTab {
    private NotesTab() {
    }

    /**
     * @param recordingStart the recording's start (epoch nanos), bookmarks are listed from it
     * @param select         selects a bookmark's span (a double-click on it)
     * @param addBookmark    asks for a label and bookmarks the selection
     */
    static Tab of(SessionAnnotations annotations, LongSupplier recordingStart, Consumer<Bookmark> select,
            Runnable addBookmark) {
        TextArea notes = new TextArea();
        notes.setId("notes");
        notes.setPromptText("Notes on this session, saved with it");
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(annotations.notesProperty());
        SplitPane both = new SplitPane(new BookmarksPane(annotations, recordingStart, select, addBookmark), notes);
        both.setOrientation(Orientation.VERTICAL);
        both.setDividerPositions(0.6);
        Tab tab = new Tab("Notes", both);
        tab.setId("notes-tab");
        tab.setClosable(false);
        return tab;
    }
}
