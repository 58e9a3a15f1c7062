package dev.vitals.bench;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.app.ui.MainWindow;
import dev.vitals.model.query.Selection;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.flame.FlameGraph;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The window while live: the real {@link MainWindow} (headless glass, software pipeline, 1600 × 900)
 * watching the demo it started ({@code vitals demo}'s path: its own JVM, at a lower priority),
 * measured from the window's side.
 *
 * <p>Phase 1, following: the FX thread's CPU time as a share of wall time while the live tab
 * follows the newest data (the 4 Hz tick, every view re-queried off the FX thread and repainted).
 * Phase 2, input to repaint: once a second a new 2 s range is selected (as a drag on a chart does,
 * on the FX thread), and the time until the flame graph shows its answer and the next pulse has
 * laid it out and painted it; the FX thread's busy share over this phase too.
 *
 * <p>Usage: {@code LiveWindowBench [seconds per phase=30]} with {@code -Dvitals.demo.jar=…} and
 * {@code -Dvitals.data=DIR} (where the live session's folder is left).
 */
public final class LiveWindowBench {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;

    private LiveWindowBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            // The demo this window started goes with it; the session folder stays under -Dvitals.data.
            ProcessHandle.current().children().forEach(ProcessHandle::destroy);
            System.exit(0);
        }
    }

    private static void run(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        System.out.println("load before: " + Files.readString(Path.of("/proc/loadavg")).trim());
        HeadlessFx.ensureStarted();
        Preferences preferences = Preferences.userRoot().node("dev/vitals/bench-live");
        preferences.clear();
        HeadlessFx.call(() -> {
            Stage stage = new Stage();
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            MainWindow w = new MainWindow(stage, preferences);
            w.show();
            w.startDemo(DemoWorkloadProcess.command(Duration.ofSeconds(2L * seconds + 120), null, null));
            return null;
        });
        Thread fxThread = HeadlessFx.call(Thread::currentThread);
        FlameGraph flame = await(() -> {
            var scene = Stage.getWindows().getFirst().getScene();
            if (scene.lookup("#failure-message") instanceof Label failure) {
                throw new IllegalStateException("the live session failed: " + failure.getText());
            }
            return (FlameGraph) scene.lookup("#flame-graph");
        }, 180);
        await(() -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0 ? flame : null, 120);
        MetricChart cpu = await(() -> (MetricChart) flame.getScene().lookup("#timeline-cpu-chart"), 10);
        System.out.println("live: first samples shown; following for " + seconds + " s");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getThreadCpuTime(fxThread.threadId());
        long wallStart = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double following = 100.0 * (threads.getThreadCpuTime(fxThread.threadId()) - cpuStart) / (System.nanoTime() - wallStart);

        SelectionModel selection = HeadlessFx.call(cpu::getSelectionModel);
        FrameTimes latency = new FrameTimes();
        cpuStart = threads.getThreadCpuTime(fxThread.threadId());
        wallStart = System.nanoTime();
        for (int i = 0; i < seconds; i++) {
            latency.add(selectAndWaitForPaint(flame, selection, i));
            Thread.sleep(1000);
        }
        double selecting = 100.0 * (threads.getThreadCpuTime(fxThread.threadId()) - cpuStart) / (System.nanoTime() - wallStart);
        System.out.printf(Locale.ROOT, "FX thread CPU, following: %.1f %% of wall; while selecting once a second: %.1f %%%n",
                following, selecting);
        System.out.println("input (a new range selected) to the flame graph painted with its answer: " + latency.summary());
        System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /**
     * Selects 2 s ending {@code k} seconds back from the newest data and returns the nanos until the
     * flame graph's tree changed and a pulse laid it out and painted it.
     */
    private static long selectAndWaitForPaint(FlameGraph flame, SelectionModel selection, int k) throws Exception {
        CompletableFuture<Long> painted = new CompletableFuture<>();
        HeadlessFx.call(() -> {
            long end = System.currentTimeMillis() * 1_000_000L - (3L + k % 5) * 1_000_000_000L;
            long start = System.nanoTime();
            flame.callTreeProperty().addListener(new InvalidationListener() {
                @Override
                public void invalidated(Observable o) {
                    flame.callTreeProperty().removeListener(this);
                    Runnable[] after = new Runnable[1];
                    after[0] = () -> {
                        flame.getScene().removePostLayoutPulseListener(after[0]);
                        painted.complete(System.nanoTime() - start);
                    };
                    flame.getScene().addPostLayoutPulseListener(after[0]);
                    Platform.requestNextPulse();
                }
            });
            Selection s = selection.getSelection();
            selection.select(s.withRange(end - 2_000_000_000L, end));
            return null;
        });
        return painted.get(60, TimeUnit.SECONDS);
    }

    private static <T> T await(Callable<T> find, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            T found = HeadlessFx.call(() -> {
                try {
                    return find.call();
                } catch (IllegalStateException e) {
                    throw e;
                } catch (RuntimeException e) {
                    return null;
                }
            });
            if (found != null) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not shown within " + seconds + " s");
    }
}
