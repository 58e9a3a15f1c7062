package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Selection;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.flame.FlameFrame;
import dev.vitals.views.flame.FlameGraph;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How busy a live flame graph keeps the JavaFX thread: the real {@link FlameGraph} in a shown
 * 1600 × 900 window (headless glass, software pipeline, {@link HeadlessFx}) whose call tree is
 * replaced every 250 ms, as the app does on each live tick: a scheduler thread posts
 * {@code setCallTree} with {@link Platform#runLater}, and the frame is laid out and painted by the
 * next pulse. The trees are the top-down trees of a 200-second window sliding by one second a tick
 * over a synthetic model of 250 000 samples ({@link SyntheticSamples}): 49 269 nodes each, every
 * tree a new instance whose weights differ from the last, so every tick is laid out and painted.
 *
 * <p>Per phase (full view, then zoomed three frames deep) it reports, over wall time: the FX thread's
 * CPU time (everything it did: the updates, every pulse's CSS, layout, paint and scene sync); the
 * time inside the update handler ({@code setCallTree}) and inside the pulse from the pre-layout to
 * the post-layout listener (CSS + layout + the flame graph's paint) of the pulses that followed an
 * update; and, apart, the render thread's CPU time, which rasterises the canvases off the FX thread.
 *
 * <p>Usage: {@code FlameGraphLive [seconds per phase=20]}.
 */
public final class FlameGraphLive {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;
    private static final long TICK_MILLIS = 250;
    private static final int TREES = 24;

    private final FlameGraph graph;
    private final CallTree[] trees;
    private final FrameTimes updates = new FrameTimes();
    private final FrameTimes pulses = new FrameTimes();
    private final FrameTimes paints = new FrameTimes();
    private long pulseStart;
    private boolean updated;
    private int tick;

    private FlameGraphLive(FlameGraph graph, CallTree[] trees) {
        this.graph = graph;
        this.trees = trees;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        HeadlessFx.ensureStarted();
        ProfileSnapshot model = SyntheticSamples.snapshot(SyntheticSamples.store(250_000, 8_000), 250_000);
        long start = model.info().startNanos();
        long second = 1_000_000_000L;
        CallTree[] trees = new CallTree[TREES];
        for (int i = 0; i < TREES; i++) {
            trees[i] = CallTrees.topDown(model, Selection.cpu().withRange(start + i * second, start + (200 + i) * second));
        }
        System.out.printf(Locale.ROOT, "trees: %d windows of 200 s sliding by 1 s, %d to %d nodes%n", TREES,
                minSize(trees), maxSize(trees));
        FlameGraph graph = HeadlessFx.call(() -> {
            FlameGraph g = new FlameGraph(trees[0]);
            g.setZoomAnimation(Duration.ZERO);
            Stage stage = new Stage();
            stage.setScene(new Scene(g, WIDTH, HEIGHT));
            stage.show();
            return g;
        });
        Thread fxThread = HeadlessFx.call(Thread::currentThread);
        FlameGraphLive live = HeadlessFx.call(() -> {
            FlameGraphLive l = new FlameGraphLive(graph, trees);
            graph.getScene().addPreLayoutPulseListener(l::beforeLayout);
            graph.getScene().addPostLayoutPulseListener(l::afterLayout);
            return l;
        });
        live.run("full view", seconds, fxThread);
        HeadlessFx.call(() -> {
            CallTree shown = graph.getCallTree();
            graph.setZoomedFrame(new FlameFrame(shown, FlameGraphPaint.widePath(shown, 3)));
            return null;
        });
        live.run("zoomed (depth 3)", seconds, fxThread);
        FlameFrame zoomed = HeadlessFx.call(graph::getZoomedFrame);
        System.out.println("still zoomed into " + (zoomed == null ? "nothing" : zoomed.path()));
        System.exit(0);
    }

    private void beforeLayout() {
        pulseStart = System.nanoTime();
    }

    private void afterLayout() {
        if (updated) {
            updated = false;
            pulses.add(System.nanoTime() - pulseStart);
            paints.add(graph.lastPaintNanos());
        }
    }

    private void update() {
        long start = System.nanoTime();
        graph.setCallTree(trees[tick++ % trees.length]);
        updates.add(System.nanoTime() - start);
        updated = true;
    }

    private void run(String label, int seconds, Thread fxThread) throws Exception {
        HeadlessFx.call(() -> {
            updates.clear();
            pulses.clear();
            paints.clear();
            return null;
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-ticker");
            t.setDaemon(true);
            return t;
        });
        long fxCpuStart = threads.getThreadCpuTime(fxThread.threadId());
        long renderCpuStart = threads.getThreadCpuTime(renderer.threadId());
        long wallStart = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> Platform.runLater(this::update), 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        Thread.sleep(seconds * 1000L);
        ticker.shutdown();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
        HeadlessFx.call(() -> null);
        long wall = System.nanoTime() - wallStart;
        long fxCpu = threads.getThreadCpuTime(fxThread.threadId()) - fxCpuStart;
        long renderCpu = threads.getThreadCpuTime(renderer.threadId()) - renderCpuStart;
        String summary = HeadlessFx.call(() -> String.format(Locale.ROOT,
                "live %s: %d updates in %.1f s; setCallTree %s; pulse CSS + layout + paint after an update %s"
                        + " (of which the frames layer's paint %s);%n  FX thread busy: handler + pulse layout %.1f %%,"
                        + " CPU time %.1f %% of wall; render thread CPU %.1f %% (rasterising, off the FX thread)",
                label, updates.count(), wall / 1e9, updates.summary(), pulses.summary(), paints.summary(),
                100.0 * (updates.sum() + pulses.sum()) / wall, 100.0 * fxCpu / wall, 100.0 * renderCpu / wall));
        System.out.println(summary);
    }

    private static int minSize(CallTree[] trees) {
        int min = Integer.MAX_VALUE;
        for (CallTree tree : trees) {
            min = Math.min(min, tree.size());
        }
        return min;
    }

    private static int maxSize(CallTree[] trees) {
        int max = 0;
        for (CallTree tree : trees) {
            max = Math.max(max, tree.size());
        }
        return max;
    }
}
