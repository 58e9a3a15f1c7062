package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Selection;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.flame.FlameGraph;
import javafx.scene.Scene;
import javafx.util.Duration;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Selection → updated flame graph, end to end as the session tab does it: on the FX thread a new
 * {@link Selection} goes into the {@link SelectionModel}, whose listener asks a {@link LatestQuery}
 * on a query thread for the top-down tree and the 200 hottest methods of the selection (what the
 * app's {@code ProfileQuery} computes), and the answer is set into a 1600 × 900 {@link FlameGraph}
 * and laid out and painted on the FX thread. Timed from the selection to the painted graph, on a
 * synthetic 1 M-sample, 10-minute profile ({@link SyntheticSamples}); the selections alternate
 * between one of nine 1-minute ranges and the whole recording; for the whole range the hot methods,
 * the tree and the FX work are also timed apart. Usage:
 * {@code SelectionToFlameGraph [rounds=30]}.
 */
public final class SelectionToFlameGraph {
    private static final long TEN_MINUTES_PERIOD = 600_000L;
    private static final long MINUTE = 60_000_000_000L;

    private SelectionToFlameGraph() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        HeadlessFx.ensureStarted();
        ProfileSnapshot snapshot = SyntheticSamples.snapshot(SyntheticSamples.store(1_000_000, 20_000,
                TEN_MINUTES_PERIOD), 1_000_000, TEN_MINUTES_PERIOD);
        ExecutorService queries = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vitals-query");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<CountDownLatch> painted = new AtomicReference<>();
        long[] parts = new long[3];
        SelectionModel selection = new SelectionModel(Selection.cpu());
        FlameGraph graph = HeadlessFx.call(() -> {
            FlameGraph g = new FlameGraph();
            g.setZoomAnimation(Duration.ZERO);
            new Scene(g, 1600, 900);
            LatestQuery<Selection, CallTree> query = new LatestQuery<>(() -> queries, s -> {
                long t0 = System.nanoTime();
                HotMethods.of(snapshot, s, 200);
                long t1 = System.nanoTime();
                CallTree tree = CallTrees.topDown(snapshot, s);
                parts[0] = t1 - t0;
                parts[1] = System.nanoTime() - t1;
                return tree;
            }, (s, tree) -> {
                long t0 = System.nanoTime();
                g.setCallTree(tree);
                g.applyCss();
                g.layout();
                parts[2] = System.nanoTime() - t0;
                painted.get().countDown();
            }, Throwable::printStackTrace);
            selection.selectionProperty().addListener((obs, was, is) -> query.request(is));
            return g;
        });
        long start = snapshot.info().startNanos();
        FrameTimes minute = new FrameTimes();
        FrameTimes whole = new FrameTimes();
        FrameTimes hot = new FrameTimes();
        FrameTimes topDown = new FrameTimes();
        FrameTimes shown = new FrameTimes();
        for (int i = -4; i < rounds; i++) {
            boolean wholeRange = (i & 1) == 1;
            long from = wholeRange ? start : start + Math.floorMod(i / 2, 9) * MINUTE;
            long to = wholeRange ? snapshot.info().endNanos() + 1 : from + MINUTE;
            painted.set(new CountDownLatch(1));
            long t0 = System.nanoTime();
            HeadlessFx.call(() -> {
                selection.select(Selection.cpu().withRange(from, to));
                return null;
            });
            if (!painted.get().await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no answer within a minute");
            }
            long took = System.nanoTime() - t0;
            if (i >= 0) {
                (wholeRange ? whole : minute).add(took);
                if (wholeRange) {
                    hot.add(parts[0]);
                    topDown.add(parts[1]);
                    shown.add(parts[2]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "model: 1 000 000 samples over 10 min, whole-range tree of %d nodes%n",
                HeadlessFx.call(() -> graph.getCallTree().size()));
        System.out.println("selection -> painted flame graph, 1-minute range: " + minute.summary());
        System.out.println("selection -> painted flame graph, whole 10 minutes: " + whole.summary());
        System.out.println("  of which (whole range) HotMethods.of " + hot.summary() + "; CallTrees.topDown "
                + topDown.summary() + "; FX setCallTree + layout + paint " + shown.summary());
        System.exit(0);
    }
}
