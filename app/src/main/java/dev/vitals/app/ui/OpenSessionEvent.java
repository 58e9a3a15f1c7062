package dev.vitals.app.ui;

import java.nio.file.Path;
import javafx.event.Event;
import javafx.event.EventType;

/**
 * Fired by a session's view when the user asks to open a {@code .vitals} file it holds (an alert's
 * snapshot); it bubbles up to the window, which opens the file in a tab of its own.
 */
final class OpenSessionEvent extends Event {
    static final EventType<OpenSessionEvent> OPEN = new EventType<>(Event.ANY, "VITALS_OPEN_SESSION");

    private final Path file;

    OpenSessionEvent(Path file) {
        super(OPEN);
        this.file = file;
    }

    Path file() {
        return file;
    }
}
