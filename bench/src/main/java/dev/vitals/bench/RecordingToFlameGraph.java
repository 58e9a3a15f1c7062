package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.flame.FlameGraph;
import javafx.scene.Scene;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A recording file to a painted flame graph, as opening a file does: the import through Vitals' own
 * reader (chunks in parallel), the top-down call tree of the stack samples of the recording's
 * largest sample kind, set into a 1600 × 900 {@link FlameGraph}, laid out and rasterised (scene
 * snapshot) on headless JavaFX. Each round starts again from the file; the first round runs on a
 * cold JVM, as a user's first open does. Prints the events in the file (every event type, as
 * {@code jfr summary} counts them), the samples in the graph and each step's wall time.
 * Usage: {@code RecordingToFlameGraph RECORDING [rounds=3]}.
 */
public final class RecordingToFlameGraph {
    private RecordingToFlameGraph() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        HeadlessFx.ensureStarted();
        FlameGraph graph = HeadlessFx.call(() -> {
            FlameGraph g = new FlameGraph();
            g.setZoomAnimation(Duration.ZERO);
            new Scene(g, 1600, 900);
            return g;
        });
        FrameTimes total = new FrameTimes();
        for (int round = 1; round <= rounds; round++) {
            long t0 = System.nanoTime();
            ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
            long t1 = System.nanoTime();
            SampleKind kind = largestKind(snapshot);
            CallTree tree = CallTrees.topDown(snapshot, Selection.of(new EventSelector.OfKind(kind)));
            long t2 = System.nanoTime();
            HeadlessFx.call(() -> {
                graph.setCallTree(tree);
                graph.applyCss();
                graph.layout();
                graph.getScene().snapshot(null);
                return null;
            });
            long t3 = System.nanoTime();
            total.add(t3 - t0);
            long events = snapshot.info().eventCounts().entrySet().stream()
                    .filter(e -> !e.getKey().endsWith(".Checkpoint") && !e.getKey().endsWith(".Metadata"))
                    .mapToLong(e -> e.getValue()).sum();
            long samples = snapshot.samples(kind).stream().mapToLong(SampleTable::length).sum();
            System.out.printf(Locale.ROOT, "round %d: %,d events in %d chunks, flame graph of %,d %s samples "
                            + "(%,d nodes): import %.2f s, call tree %.2f s, set + layout + paint %.2f s, total %.2f s%n",
                    round, events, snapshot.info().chunkCount(), samples, kind, tree.size(), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9);
        }
        System.out.println("recording -> painted flame graph: " + total.summary());
        System.exit(0);
    }

    private static SampleKind largestKind(ProfileSnapshot snapshot) {
        SampleKind best = SampleKind.CPU;
        long most = -1;
        for (SampleKind kind : SampleKind.values()) {
            long n = snapshot.samples(kind).stream().mapToLong(SampleTable::length).sum();
            if (n > most) {
                most = n;
                best = kind;
            }
        }
        return best;
    }
}
