package dev.vitals.model.session;

import dev.vitals.model.finding.Findings;
import dev.vitals.model.query.Selection;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a session: everything but the raw JFR chunks.
 *
 * @param formatVersion the session format ({@link #FORMAT_VERSION} when written by this version)
 * @param appVersion    the Vitals version that wrote it
 * @param jvm           the recorded JVM's identity (pid, main class, JDK version, host...)
 * @param settings      recording settings (event → setting values)
 * @param startNanos    start of the recorded span, epoch nanos
 * @param endNanos      end of the span
 * @param bookmarks     named spans of time
 * @param alertRules    the session's alert rules
 * @param notes         the user's notes
 * @param selection     the saved selection and transforms, or {@code null}
 * @param chunks        entry names of the raw chunks under {@code recording/}, in order
 * @param findings      the automated analysis of the chunks, or {@code null} if it was not saved
 */
public record SessionManifest(int formatVersion, String appVersion, Map<String, String> jvm,
                              Map<String, String> settings, long startNanos, long endNanos, List<Bookmark> bookmarks,
                              List<AlertRule> alertRules, String notes, Selection selection, List<String> chunks,
                              Findings findings) {
    /**
     * The session format this version writes and the newest it reads. 2: bookmarks are spans
     * ({@code fromNanos}, {@code toNanos}) and alert rules have a {@code kind}; a format 1 manifest
     * still reads (its bookmarks as points; it never held alert rules).
     */
    public static final int FORMAT_VERSION = 2;

    public SessionManifest {
        jvm = Map.copyOf(jvm);
        settings = Map.copyOf(settings);
        bookmarks = List.copyOf(bookmarks);
        alertRules = List.copyOf(alertRules);
        chunks = List.copyOf(chunks);
    }

    /** A manifest without findings. */
    public SessionManifest(int formatVersion, String appVersion, Map<String, String> jvm, Map<String, String> settings,
                           long startNanos, long endNanos, List<Bookmark> bookmarks, List<AlertRule> alertRules,
                           String notes, Selection selection, List<String> chunks) {
        this(formatVersion, appVersion, jvm, settings, startNanos, endNanos, bookmarks, alertRules, notes, selection,
                chunks, null);
    }

    /** A manifest with nothing but the app version. */
    public static SessionManifest empty(String appVersion) {
        return new SessionManifest(FORMAT_VERSION, appVersion, Map.of(), Map.of(), 0, 0, List.of(), List.of(), "", null,
                List.of());
    }

    /** This manifest with the user's bookmarks, alert rules and notes. */
    public SessionManifest withAnnotations(List<Bookmark> newBookmarks, List<AlertRule> newRules, String newNotes) {
        return new SessionManifest(formatVersion, appVersion, jvm, settings, startNanos, endNanos, newBookmarks, newRules,
                newNotes, selection, chunks, findings);
    }

    /** This manifest listing other chunk entries. */
    public SessionManifest withChunks(List<String> chunkEntries) {
        return new SessionManifest(formatVersion, appVersion, jvm, settings, startNanos, endNanos, bookmarks, alertRules,
                notes, selection, chunkEntries, findings);
    }

    /** This manifest with the findings of its chunks ({@code null}: none saved). */
    public SessionManifest withFindings(Findings newFindings) {
        return new SessionManifest(formatVersion, appVersion, jvm, settings, startNanos, endNanos, bookmarks, alertRules,
                notes, selection, chunks, newFindings);
    }
}
