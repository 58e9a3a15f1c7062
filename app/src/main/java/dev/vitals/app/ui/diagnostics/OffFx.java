package dev.vitals.app.ui.diagnostics;

import dev.vitals.app.UserMessages;
import dev.vitals.attach.DiagnosticException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Label;

/**
 * Runs diagnostic actions on the diagnostics' own daemon threads, never on the FX thread, and hands
 * the answer (or the failure's sentence) back on the FX thread. Each action has its own timeout in
 * {@link dev.vitals.attach.Diagnostics}, so none of these threads waits for ever.
 */
final class OffFx {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "vitals-diagnostics-ui-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private OffFx() {
    }

    /** An action against the JVM. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws DiagnosticException;
    }

    /**
     * Runs {@code action} off the FX thread; {@code status} says {@code doing} meanwhile, then is
     * cleared and {@code done} gets the answer, or {@code status} says what went wrong.
     */
    static <T> CompletableFuture<T> run(Label status, String doing, Action<T> action, Consumer<T> done) {
        status.setText(doing);
        CompletableFuture<T> result = new CompletableFuture<>();
        EXECUTOR.execute(() -> {
            try {
                T value = action.run();
                Platform.runLater(() -> {
                    status.setText("");
                    done.accept(value);
                    result.complete(value);
                });
            } catch (Exception | Error e) {
                Platform.runLater(() -> {
                    status.setText(UserMessages.describe(e));
                    result.completeExceptionally(e);
                });
            }
        });
        return result;
    }
}
