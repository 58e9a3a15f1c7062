package dev.vitals.app.ui;

/** A tab showing one session's views, of a recording or a live JVM: what the Session menu acts on. */
sealed interface SessionTab permits LiveTab, RecordingTab {
    /** The views, or null while the session is still opening or could not be opened. */
    ProfileView view();

    /** Asks where to save the session (data, bookmarks, notes, alert rules) as a {@code .vitals} file and saves it. */
    void chooseAndSave();
}
