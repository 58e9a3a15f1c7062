package dev.vitals.app.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where live sessions write their raw data as it arrives: one folder per session under
 * {@code $XDG_DATA_HOME/vitals/sessions} (default {@code ~/.local/share/vitals/sessions}), or under
 * the system property {@code vitals.data} when set. A folder outlives a crash of Vitals.
 */
final class SessionFolders {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private SessionFolders() {
    }

    static Path root() {
        String configured = System.getProperty("vitals.data");
        if (configured != null) {
            return Path.of(configured, "sessions");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("vitals").resolve("sessions");
    }

    /** A new folder name for a live session of the JVM with {@code pid}. */
    static Path forPid(long pid) {
        return root().resolve(LocalDateTime.now().format(STAMP) + "-pid" + pid);
    }
}
