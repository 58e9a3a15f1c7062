package dev.vitals.app.cli;

import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens the FILE argument of {@code summary}, {@code export} and {@code render}: a {@code .jfr}
 * recording or a {@code .vitals} session ({@link SessionArchive}). Every failure is
 * an exception whose message is one line naming the file ({@code no such file: x.jfr},
 * {@code x.txt: not a JFR recording …}), which the command line prints as it is.
 */
final class RecordingFiles {
    private RecordingFiles() {
    }

    /** The imported model of a recording or session, as one snapshot. */
    static ProfileSnapshot open(Path file) throws IOException, JfrImportException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a recording");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
        }
        Profile profile = file.getFileName().toString().endsWith(".vitals")
                ? SessionArchive.open(file) : JfrFiles.importFile(file);
        return profile.snapshot();
    }
}
