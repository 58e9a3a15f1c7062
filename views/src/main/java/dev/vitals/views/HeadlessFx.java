package dev.vitals.views;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * Runs JavaFX work without a window, for rendering views to images from the command line. If the
 * toolkit is not running yet it is started with JavaFX 26's headless glass platform and software
 * rendering ({@code glass.platform=Headless}, {@code prism.order=sw}) unless those system properties
 * were set already; a running toolkit (the desktop app) is used as it is.
 */
public final class HeadlessFx {
    private static final Object LOCK = new Object();
    private static boolean started;

    private HeadlessFx() {
    }

    /** Starts the JavaFX toolkit headless if it is not running; returns at once if it is. */
    public static void ensureStarted() {
        synchronized (LOCK) {
            if (started) {
                return;
            }
            if (System.getProperty("glass.platform") == null) {
                System.setProperty("glass.platform", "Headless");
            }
            if (System.getProperty("prism.order") == null) {
                System.setProperty("prism.order", "sw");
            }
            CountDownLatch ready = new CountDownLatch(1);
            try {
                Platform.startup(ready::countDown);
                Platform.setImplicitExit(false);
                ready.await();
            } catch (IllegalStateException alreadyRunning) {
                // started by someone else (the app, a test harness): use it as it is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting JavaFX", e);
            }
            started = true;
        }
    }

    /**
     * Runs {@code work} on the JavaFX thread and returns its result, starting the toolkit headless
     * if needed. Called on the JavaFX thread, it runs {@code work} directly.
     */
    public static <T> T call(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        ensureStarted();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
