package dev.vitals.app.ui.diagnostics;

import dev.vitals.app.UserMessages;
import dev.vitals.attach.Diagnostics;
import dev.vitals.model.session.AlertAction;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.SessionDiagnostics;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Takes what an alert rule asks for when it fires live (a thread dump, a heap histogram) on one
 * daemon thread, in the order the alerts fired, and keeps each with the session, attached to the
 * alert's bookmark.
 */
public final class AlertEvidence {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vitals-alert-evidence");
        thread.setDaemon(true);
        return thread;
    });
    private final Diagnostics diagnostics;
    private final DiagnosticsKept kept;
    private final Consumer<String> failed;

    /** @param failed told on the FX thread, in one sentence, of an action that failed */
    public AlertEvidence(Diagnostics diagnostics, DiagnosticsKept kept, Consumer<String> failed) {
        this.diagnostics = diagnostics;
        this.kept = kept;
        this.failed = failed;
    }

    /** Takes the actions of {@code rule}, if it has any, for the bookmark its firing made. Call on the FX thread. */
    public void fired(String rule, Bookmark bookmark) {
        if (executor.isShutdown()) {
            return; // the session has ended: its JVM is no longer there to ask
        }
        Set<AlertAction> actions = kept.alertActions().getOrDefault(rule, Set.of());
        for (AlertAction action : actions.stream().sorted().toList()) {
            executor.execute(() -> {
                try {
                    SessionDiagnostics.Item item = switch (action) {
                        case THREAD_DUMP -> new SessionDiagnostics.Dump(diagnostics.threadDump(), bookmark);
                        case HEAP_HISTOGRAM -> new SessionDiagnostics.Histogram(diagnostics.histogram(true), bookmark);
                    };
                    Platform.runLater(() -> kept.add(item));
                } catch (Exception e) {
                    Platform.runLater(() -> failed.accept("Alert " + bookmark.label() + ": could not "
                            + action.description() + ": " + UserMessages.describe(e)));
                }
            });
        }
    }

    /** Stops taking evidence (the session ended); what is on its way is dropped. */
    public void stop() {
        executor.shutdownNow();
    }
}
