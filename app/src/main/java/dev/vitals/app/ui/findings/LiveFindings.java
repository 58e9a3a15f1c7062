package dev.vitals.app.ui.findings;

import com.sun.management.OperatingSystemMXBean;
import dev.vitals.analysis.RecordingAnalyzer;
import dev.vitals.model.finding.Findings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * A live session's findings: every {@link #PERIOD} the rules are evaluated again over the last
 * {@link #WINDOW} of the chunks already kept on disk, in the {@link FindingsPane} (off the FX
 * thread; a period that finds the last evaluation still running skips); each evaluation's findings
 * go to {@code evaluated}, which decides what to announce. The evaluations' CPU is added up: the
 * process's CPU time while each ran (an upper bound: the stream and the views run meanwhile).
 * Lives on the FX thread.
 */
public final class LiveFindings {
    /** How far back each evaluation looks. */
    public static final Duration WINDOW = Duration.ofMinutes(2);
    /** How often the rules are evaluated. */
    public static final Duration PERIOD = Duration.ofSeconds(20);
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final FindingsPane pane;
    private final Callable<List<Path>> chunks;
    private final Consumer<Findings> evaluated;
    private final Timeline timer;
    private final AtomicLong cpuNanos = new AtomicLong();
    private final long startedNanos = System.nanoTime();

    /**
     * @param chunks   the session's kept chunks, in order (read off the FX thread)
     * @param evaluated told on the FX thread of each evaluation's findings, before they are shown
     */
    public LiveFindings(FindingsPane pane, Callable<List<Path>> chunks, Consumer<Findings> evaluated,
                        Duration period) {
        this.pane = pane;
        this.chunks = chunks;
        this.evaluated = evaluated;
        timer = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> evaluate()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    public void start() {
        timer.play();
    }

    /** Stops evaluating; an evaluation that runs is cancelled. */
    public void stop() {
        timer.stop();
        pane.cancelRunning();
    }

    /** CPU seconds the evaluations took per minute of the session so far (an upper bound). */
    public double cpuSecondsPerMinute() {
        double minutes = (System.nanoTime() - startedNanos) / 60e9;
        return minutes <= 0 ? 0 : cpuNanos.get() / 1e9 / minutes;
    }

    private void evaluate() {
        if (pane.isAnalysing()) {
            return;
        }
        RecordingAnalyzer analyzer = new RecordingAnalyzer(1);
        pane.analyse("the last " + WINDOW.toMinutes() + " minutes", (progress, cancelled) -> {
            long before = OS.getProcessCpuTime();
            try {
                return analyzer.analyzeLast(chunks.call(), WINDOW, progress, cancelled);
            } finally {
                cpuNanos.addAndGet(Math.max(0, OS.getProcessCpuTime() - before));
            }
        }, evaluated);
    }
}
