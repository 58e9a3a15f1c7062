package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Selection;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.flame.FlameFrame;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.flame.internal.FlamePanel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.util.Duration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Paint times of the {@link FlameGraph} control at 1600 × 900 on the software pipeline (headless
 * JavaFX, {@link HeadlessFx}), and the selection → flame graph query, on synthetic models of
 * {@link SyntheticSamples}:
 * <ol>
 * <li>a call tree of ~120 000 nodes from 1 M samples over 10 minutes, repainted {@code frames} times
 * in full view and zoomed into a frame: the FX thread's repaint of the frames layer (and the
 * {@code lastPaintNanos()} drawing calls alone), its layout + paint after the tree is replaced by an
 * equal one (wall and FX-thread CPU time), and separately the scene snapshot that rasterises the
 * frame;</li>
 * <li>selection → flame graph: {@code CallTrees.topDown} of a 1-minute and of the whole 10-minute
 * range of the 1 M-sample model, then set into the control and laid out.</li>
 * </ol>
 * The live case (a tree replaced every 250 ms) is {@link FlameGraphLive}.
 * Usage: {@code FlameGraphPaint [frames=30]}.
 */
public final class FlameGraphPaint {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;
    private static final long TEN_MINUTES_PERIOD = 600_000L;
    /** CPU time of the FX thread alongside wall time: on a loaded machine wall time includes waiting for a core. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private FlameGraphPaint() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        HeadlessFx.ensureStarted();

        ProfileSnapshot big = SyntheticSamples.snapshot(SyntheticSamples.store(1_000_000, 20_000, TEN_MINUTES_PERIOD),
                1_000_000, TEN_MINUTES_PERIOD);
        CallTree tree = CallTrees.topDown(big, Selection.cpu());
        CallTree[] equalTrees = {tree, CallTrees.topDown(big, Selection.cpu())};
        System.out.printf(Locale.ROOT, "model: 1 000 000 samples over 10 min, call tree of %d nodes%n", tree.size());
        FlameGraph graph = HeadlessFx.call(() -> {
            FlameGraph g = new FlameGraph(tree);
            g.setZoomAnimation(Duration.ZERO);
            new Scene(g, WIDTH, HEIGHT);
            g.applyCss();
            g.layout();
            return g;
        });
        paint("full view", graph, equalTrees, frames);
        HeadlessFx.call(() -> {
            CallTree shown = graph.getCallTree();
            graph.setZoomedFrame(new FlameFrame(shown, widePath(shown, 3)));
            return null;
        });
        paint("zoomed (depth 3)", graph, equalTrees, frames);
        FlameFrame zoomed = HeadlessFx.call(graph::getZoomedFrame);
        System.out.println("zoomed into " + (zoomed == null ? "nothing" : zoomed.tree().path(zoomed.nodeIndex())));
        HeadlessFx.call(() -> {
            graph.setZoomedFrame(null);
            return null;
        });
        selection(big, graph, frames);
        System.exit(0);
    }

    /** The node reached from the root by following the widest child {@code depth} times. */
    static int widePath(CallTree tree, int depth) {
        int node = 0;
        for (int d = 0; d < depth && tree.firstChild(node) != -1; d++) {
            int widest = tree.firstChild(node);
            for (int c = widest; c != -1; c = tree.nextSibling(c)) {
                if (tree.total(c) > tree.total(widest)) {
                    widest = c;
                }
            }
            node = widest;
        }
        return node;
    }

    /**
     * Times {@code frames} frames of two kinds: a repaint of the frames layer alone (what a scroll or
     * a pulse after a resize costs; the panels are marked dirty through their public
     * {@code invalidateFrames}) and a relayout + repaint after the tree is replaced by an equal one.
     */
    private static void paint(String label, FlameGraph graph, CallTree[] equalTrees, int frames) throws Exception {
        FrameTimes repaint = new FrameTimes();
        FrameTimes relayout = new FrameTimes();
        FrameTimes relayoutCpu = new FrameTimes();
        FrameTimes drawing = new FrameTimes();
        FrameTimes raster = new FrameTimes();
        for (int i = -5; i < frames; i++) {
            boolean measured = i >= 0;
            CallTree next = equalTrees[i & 1];
            HeadlessFx.call(() -> {
                long start = System.nanoTime();
                for (Node panel : graph.lookupAll("*")) {
                    if (panel instanceof FlamePanel flamePanel) {
                        flamePanel.invalidateFrames();
                    }
                }
                graph.layout();
                long repainted = System.nanoTime();
                long painted = graph.lastPaintNanos();
                long cpuStart = CPU.getCurrentThreadCpuTime();
                graph.setCallTree(next);
                graph.applyCss();
                graph.layout();
                long laidOut = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime() - cpuStart;
                graph.getScene().snapshot(null);
                if (measured) {
                    repaint.add(repainted - start);
                    drawing.add(painted);
                    relayout.add(laidOut - repainted);
                    relayoutCpu.add(cpu);
                    raster.add(System.nanoTime() - laidOut);
                }
                return null;
            });
        }
        System.out.println("flame graph " + label + ": repaint of the frames layer " + repaint.summary()
                + "; of which drawing calls (lastPaintNanos) " + drawing.summary());
        System.out.println("flame graph " + label + ": equal tree set, layout + paint " + relayout.summary()
                + "; FX thread CPU time " + relayoutCpu.summary());
        System.out.println("flame graph " + label + ": snapshot (rasterise the scene) " + raster.summary());
    }

    private static void selection(ProfileSnapshot snapshot, FlameGraph graph, int frames) throws Exception {
        long start = snapshot.info().startNanos();
        long minute = 60_000_000_000L;
        FrameTimes oneMinute = new FrameTimes();
        FrameTimes whole = new FrameTimes();
        FrameTimes shown = new FrameTimes();
        for (int i = -2; i < frames; i++) {
            long from = start + Math.floorMod(i, 9) * minute;
            long t0 = System.nanoTime();
            CallTrees.topDown(snapshot, Selection.cpu().withRange(from, from + minute));
            long t1 = System.nanoTime();
            CallTree all = CallTrees.topDown(snapshot, Selection.cpu().withRange(start, snapshot.info().endNanos()));
            long t2 = System.nanoTime();
            long show = HeadlessFx.call(() -> {
                long s = System.nanoTime();
                graph.setCallTree(all);
                graph.applyCss();
                graph.layout();
                return System.nanoTime() - s;
            });
            if (i >= 0) {
                oneMinute.add(t1 - t0);
                whole.add(t2 - t1);
                shown.add(show);
            }
        }
        System.out.println("selection -> topDown, 1-minute range of 10 min / 1 M samples: " + oneMinute.summary());
        System.out.println("selection -> topDown, whole 10-minute range: " + whole.summary());
        System.out.println("selection -> set the whole-range tree into the flame graph, layout + paint: " + shown.summary());
    }
}
