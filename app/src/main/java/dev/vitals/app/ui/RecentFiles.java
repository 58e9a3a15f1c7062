package dev.vitals.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The recordings and sessions opened (and read) last, newest first, kept in the preferences. */
final class RecentFiles {
    static final int LIMIT = 10;
    private static final String KEY = "recent.files";

    private final Preferences preferences;

    RecentFiles(Preferences preferences) {
        this.preferences = preferences;
    }

    /** The remembered files that still exist, newest first. */
    List<Path> list() {
        List<Path> files = new ArrayList<>();
        for (String line : preferences.get(KEY, "").split("\n")) {
            if (!line.isBlank() && Files.isRegularFile(Path.of(line))) {
                files.add(Path.of(line));
            }
        }
        return files;
    }

    /** Puts {@code file} first, dropping an older mention and whatever falls past {@link #LIMIT}. */
    void add(Path file) {
        List<Path> files = list();
        files.remove(file);
        files.addFirst(file);
        List<String> lines = files.stream().limit(LIMIT).map(Path::toString).toList();
        preferences.put(KEY, String.join("\n", lines));
    }
}
