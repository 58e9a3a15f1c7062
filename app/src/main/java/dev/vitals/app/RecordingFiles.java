package dev.vitals.app;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.OpenedSession;
import dev.vitals.model.session.SessionException;
import dev.vitals.model.session.SessionFile;
import dev.vitals.model.session.SessionManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Opens a recording for the window and for {@code summary}, {@code export} and {@code render}: a {@code .jfr}
 * recording, a {@code .vitals} session through the model's {@link SessionFile}, or a live session's
 * folder left behind (recovered through {@link LiveSessionFolder#recover}). Every failure is
 * an exception whose message is one line naming the file ({@code no such file: x.jfr},
 * {@code x.txt: not a JFR recording …}), which the command line prints as it is. A damaged session
 * whose whole chunks could be recovered opens with what was recovered and a warning saying so.
 *
 * @param snapshot the imported model
 * @param warnings what was skipped or repaired, one line each, naming the file
 * @param manifest a session's manifest (bookmarks, notes, alert rules), {@code null} for a {@code .jfr} recording
 */
public record RecordingFiles(ProfileSnapshot snapshot, List<String> warnings, SessionManifest manifest) {
    public RecordingFiles {
        warnings = List.copyOf(warnings);
    }

    /** Imports a recording or session. */
    public static RecordingFiles open(Path file) throws IOException, JfrImportException, SessionException {
        return open(file, ImportProgress.NONE, () -> false);
    }

    /** Imports a recording or session with progress (bytes) and cancellation. */
    public static RecordingFiles open(Path file, ImportProgress progress, BooleanSupplier cancelled)
            throws IOException, JfrImportException, SessionException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            if (!Files.isRegularFile(file.resolve(SessionFile.MANIFEST))) {
                throw new IOException(file + ": is a directory, not a recording or a live session folder");
            }
            OpenedSession recovered = LiveSessionFolder.recover(file, progress, cancelled);
            return new RecordingFiles(recovered.profile().snapshot(), recovered.warnings(), recovered.manifest());
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
        if (!file.getFileName().toString().endsWith(".vitals")) {
            ProfileSnapshot snapshot = JfrFiles.importFile(file, progress, cancelled).snapshot();
            return new RecordingFiles(snapshot, snapshot.info().warnings(), null);
        }
        try {
            OpenedSession session = SessionFile.open(file, progress, cancelled);
            return new RecordingFiles(session.profile().snapshot(), session.warnings(), session.manifest());
        } catch (SessionException e) {
            OpenedSession recovered = e.recovered().orElseThrow(() -> e);
            List<String> warnings = new ArrayList<>(recovered.warnings());
            warnings.addFirst(e.getMessage());
            return new RecordingFiles(recovered.profile().snapshot(), warnings, recovered.manifest());
        }
    }

    /** Prints each warning as a line {@code vitals: warning: …}. */
    public void printWarnings(PrintWriter err) {
        for (String warning : warnings) {
            err.println("vitals: warning: " + warning);
        }
        err.flush();
    }
}
