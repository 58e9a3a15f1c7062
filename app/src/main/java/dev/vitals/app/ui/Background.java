package dev.vitals.app.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The application's own named daemon executors; never the common pool. */
final class Background {
    /** Imports of files and sessions: one at a time keeps a 2-core machine responsive. */
    static final ExecutorService IMPORTS = executor("vitals-import");
    /** Queries over model snapshots (call trees, hot methods); a newer query supersedes an older one. */
    static final ExecutorService QUERIES = executor("vitals-query");
    /** Alert rule evaluation, one snapshot after the other (each session's evaluator is used by this thread only). */
    static final ExecutorService ALERTS = executor("vitals-alerts");
    /**
     * Queries of the time-based views (lanes, heatmaps, series, event lists), apart from the flame
     * graph's so neither waits for the other; each view has at most one in flight.
     */
    static final ExecutorService VIEW_QUERIES = executor("vitals-view-query");
    /** Automated analyses (findings) of recordings and live windows, one at a time, after the views' queries. */
    static final ExecutorService ANALYSIS = executor("vitals-analysis");
    /** Reads and writes of the application's own small files (saved connections), in order, never behind an import. */
    static final ExecutorService FILES = executor("vitals-files");

    private Background() {
    }

    private static ExecutorService executor(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
