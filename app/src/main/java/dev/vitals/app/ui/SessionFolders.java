package dev.vitals.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

/**
 * Where live sessions write their raw data as it arrives: one folder per session under the folder
 * chosen in Preferences, else {@code sessions/} in Vitals' data home ({@link #dataHome()}). A folder
 * outlives a crash of Vitals; a session that ends normally is packed into a {@code .vitals} file
 * beside it and the folder removed, so a folder still there at start was left unfinished.
 */
final class SessionFolders {
    /** Preference key of the sessions folder chosen by the user (absent: the default). */
    static final String LOCATION_KEY = "sessions.folder";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Preferences preferences;

    SessionFolders(Preferences preferences) {
        this.preferences = preferences;
    }

    /**
     * Vitals' own data: the system property {@code vitals.data} when set, else
     * {@code $XDG_DATA_HOME/vitals} (default {@code ~/.local/share/vitals}).
     */
    static Path dataHome() {
        String configured = System.getProperty("vitals.data");
        if (configured != null) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("vitals");
    }

    /** The default sessions folder, used while no other is chosen. */
    static Path defaultRoot() {
        return dataHome().resolve("sessions");
    }

    /** The folder that holds the session folders now. */
    Path root() {
        String chosen = preferences.get(LOCATION_KEY, "");
        return chosen.isBlank() ? defaultRoot() : Path.of(chosen);
    }

    /** A new folder name for a live session, ending in {@code suffix}. */
    Path create(String suffix) {
        return root().resolve(LocalDateTime.now().format(STAMP) + "-" + suffix);
    }

    /** The session folders left unfinished (those with a manifest), newest first; none if the root cannot be read. */
    List<Path> unfinished() {
        if (!Files.isDirectory(root())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(dev.vitals.model.session.SessionFile.MANIFEST)))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
