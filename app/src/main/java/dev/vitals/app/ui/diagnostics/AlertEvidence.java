package dev.vitals.app.ui.diagnostics;

import dev.vitals.app.UserMessages;
import dev.vitals.attach.Diagnostics;
import dev.vitals.model.session.AlertActions;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.SessionDiagnostics;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Takes what an alert rule asks for when it fires live (a thread dump, a heap histogram, a
 * {@code .vitals} snapshot of the last minutes) on one daemon thread, in the order the alerts
 * fired, and keeps each with the session, attached to the alert's bookmark.
 */
public final class AlertEvidence {
    /** Writes a snapshot of the session from {@code fromNanos} (epoch) on as the session's entry {@code entry}. */
    @FunctionalInterface
    public interface SnapshotWriter {
        void write(String entry, long fromNanos, Bookmark bookmark) throws IOException;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vitals-alert-evidence");
        thread.setDaemon(true);
        return thread;
    });
    private final Diagnostics diagnostics;
    private final DiagnosticsKept kept;
    private final SnapshotWriter snapshots;
    private final Consumer<String> failed;

    /** @param failed told on the FX thread, in one sentence, of an action that failed */
    public AlertEvidence(Diagnostics diagnostics, DiagnosticsKept kept, SnapshotWriter snapshots, Consumer<String> failed) {
        this.diagnostics = diagnostics;
        this.kept = kept;
        this.snapshots = snapshots;
        this.failed = failed;
    }

    /** Takes {@code actions} (a firing rule's) for the bookmark its firing made. Call on the FX thread. */
    public void fired(AlertActions actions, Bookmark bookmark) {
        if (executor.isShutdown()) {
            return; // the session has ended: its JVM is no longer there to ask
        }
        if (actions.threadDump()) {
            take(bookmark, "take a thread dump", () -> new SessionDiagnostics.Dump(diagnostics.threadDump(), bookmark));
        }
        if (actions.heapHistogram()) {
            take(bookmark, "take a heap histogram",
                    () -> new SessionDiagnostics.Histogram(diagnostics.histogram(true), bookmark));
        }
        int minutes = actions.snapshotMinutes();
        if (minutes > 0) {
            take(bookmark, "save a snapshot of the last " + minutes + " min", () -> {
                long taken = System.currentTimeMillis();
                String entry = SessionDiagnostics.SNAPSHOTS + "alert-" + taken + ".vitals";
                snapshots.write(entry, bookmark.toNanos() - TimeUnit.MINUTES.toNanos(minutes), bookmark);
                return new SessionDiagnostics.Snapshot(entry, minutes, taken, bookmark);
            });
        }
    }

    private interface Action {
        SessionDiagnostics.Item take() throws Exception;
    }

    private void take(Bookmark bookmark, String what, Action action) {
        executor.execute(() -> {
            try {
                SessionDiagnostics.Item item = action.take();
                Platform.runLater(() -> kept.add(item));
            } catch (Exception e) {
                Platform.runLater(() -> failed.accept("Alert " + bookmark.label() + ": could not " + what + ": "
                        + UserMessages.describe(e)));
            }
        });
    }

    /** Stops taking evidence (the session ended); what is on its way is dropped. */
    public void stop() {
        executor.shutdownNow();
    }
}
