package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;

import java.nio.file.Path;

/**
 * Renders the README screenshots of the timeline, heatmaps and charts from the demo recording into
 * {@code views/docs/} (run by hand: {@code java} with the test classpath, argument = output folder).
 */
final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        ProfileSnapshot snapshot = Demo.snapshot();
        long start = snapshot.info().startNanos();
        Selection spike = Selection.cpu().withFrameFilter(Demo.HASH_LOOP)
                .withRange(start + 2_000_000_000L, start + 2_400_000_000L);
        ViewImages.renderPng(snapshot, ViewRenderOptions.of(ViewKind.TIMELINE).withSize(1400, 560)
                .withSelection(spike), out.resolve("timeline-demo.png"));
        ViewImages.renderPng(snapshot, ViewRenderOptions.of(ViewKind.HEATMAP).withSize(900, 560)
                .withSelection(Selection.cpu().withFrameFilter(Demo.SPIKE)), out.resolve("flamescope-demo.png"));
        long spikeRequest = EventList.of(snapshot, Selection.of(new EventSelector.OfType(Demo.REQUEST))
                .withDurations(250_000_000L, Long.MAX_VALUE), 1).rows().getFirst().startNanos();
        ViewImages.renderPng(snapshot, ViewRenderOptions.of(ViewKind.LATENCY).withSize(1400, 500)
                .withEventType(Demo.REQUEST).withSelection(Selection.cpu()
                        .withRange(spikeRequest - 50_000_000L, spikeRequest + 50_000_000L)
                        .withDurations(250_000_000L, 400_000_000L)), out.resolve("latency-demo.png"));
        ViewImages.renderPng(snapshot, ViewRenderOptions.of(ViewKind.CHARTS).withSize(1400, 760)
                .withSelection(Selection.cpu().withRange(start + 2_000_000_000L, start + 2_400_000_000L)),
                out.resolve("charts-demo.png"));
        System.exit(0);
    }
}
