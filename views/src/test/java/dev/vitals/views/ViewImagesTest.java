package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.ThreadState;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.Heatmap;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.heatmap.internal.LatencyPanel;
import dev.vitals.views.internal.Palettes;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless renderer on the demo recording: each view to a PNG (kept in target/test-images),
 * with the expected colours where the expected things are, compared fuzzily.
 */
class ViewImagesTest {
    private static final Path OUT = Path.of(System.getProperty("vitals.test.output", "target/test-images"));
    private final ProfileSnapshot snapshot = Demo.snapshot();

    @BeforeAll
    static void start() {
        HeadlessFx.ensureStarted();
    }

    private WritableImage render(ViewRenderOptions options, String name) throws Exception {
        WritableImage image = HeadlessFx.call(() -> ViewImages.render(snapshot, options));
        Files.createDirectories(OUT);
        PngWriter.write(image, OUT.resolve(name + ".png"));
        return image;
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    /** The share of pixels in a horizontal line segment close to a colour. */
    private static double share(WritableImage image, int y, int x0, int x1, Color colour) {
        PixelReader pixels = image.getPixelReader();
        int near = 0;
        for (int x = x0; x < x1; x++) {
            near += distance(pixels.getColor(x, y), colour) < 0.12 ? 1 : 0;
        }
        return (double) near / (x1 - x0);
    }

    @Test
    void timelineShowsWorkersRunningAndSleeperSleepingWithHashLoopHighlighted() throws Exception {
        Selection hash = Selection.cpu().withFrameFilter(Demo.HASH_LOOP);
        WritableImage image = render(ViewRenderOptions.of(ViewKind.TIMELINE).withSize(1400, 700).withSelection(hash),
                "timeline");
        int[] rows = HeadlessFx.call(() -> {
            Scene scene = ViewImages.scene(snapshot,
                    ViewRenderOptions.of(ViewKind.TIMELINE).withSize(1400, 700).withSelection(hash));
            scene.snapshot(null);
            var view = (ThreadTimeline) scene.getRoot();
            Bounds worker = view.laneBounds("worker-1");
            return new int[] {(int) worker.getCenterY(), (int) view.laneBounds("sleeper").getCenterY(),
                    (int) worker.getMaxY() - 2};
        });
        assertThat(share(image, rows[0], 200, 1380, Palettes.state(ThreadState.RUNNING)))
                .as("worker-1 mostly running").isGreaterThan(0.6);
        assertThat(share(image, rows[1], 200, 1380, Palettes.state(ThreadState.SLEEPING)))
                .as("sleeper mostly sleeping").isGreaterThan(0.5);
        assertThat(share(image, rows[2], 200, 1380, Palettes.HIGHLIGHT))
                .as("hashLoop highlight under worker-1").isGreaterThan(0.3);
    }

    @Test
    void flameScopeOutlinesTheSpikeCellsOfAFrameFilterAndColoursCellsByTheirCount() throws Exception {
        Selection spikes = Selection.cpu().withFrameFilter(Demo.SPIKE);
        ViewRenderOptions options = ViewRenderOptions.of(ViewKind.HEATMAP).withSize(900, 560).withSelection(spikes);
        WritableImage image = render(options, "flamescope");
        long spikeSample = EventList.of(snapshot, spikes, 1).rows().getFirst().startNanos();
        FlameScopeHeatmap view = HeadlessFx.call(() -> {
            var v = (FlameScopeHeatmap) ViewImages.createView(snapshot, options);
            new Scene(v, 900, 560).snapshot(null);
            return v;
        });
        Bounds cell = HeadlessFx.call(() -> view.cellBounds(spikeSample));
        long count = HeadlessFx.call(() -> view.cellValue(spikeSample));
        long max = Heatmap.flameScope(snapshot, Selection.cpu().withMeasure(Measure.COUNT), 50).max();
        PixelReader pixels = image.getPixelReader();
        Color edge = pixels.getColor((int) cell.getMinX() + 1, (int) cell.getCenterY());
        assertThat(distance(edge, Palettes.HIGHLIGHT)).as("outline of the spike's cell").isLessThan(0.25);
        Color inside = pixels.getColor((int) cell.getCenterX(), (int) cell.getCenterY());
        assertThat(distance(inside, Palettes.count(count, max, false))).as("the colour of its count").isLessThan(0.1);
    }

    @Test
    void latencyHeatmapDrawsTheP99LineUpAtTheSpikes() throws Exception {
        WritableImage image = render(ViewRenderOptions.of(ViewKind.LATENCY).withSize(1200, 600)
                .withEventType(Demo.REQUEST), "latency");
        PixelReader pixels = image.getPixelReader();
        int p99 = 0;
        int p50 = 0;
        for (int y = 34; y < 560; y++) {
            for (int x = 64; x < 1200; x++) {
                Color c = pixels.getColor(x, y);
                p99 += distance(c, LatencyPanel.P99) < 0.2 ? 1 : 0;
                p50 += distance(c, LatencyPanel.P50) < 0.2 ? 1 : 0;
            }
        }
        assertThat(p50).as("p50 line pixels").isGreaterThan(500);
        assertThat(p99).as("p99 line pixels, climbing to each spike").isGreaterThan(500);
        double top = 34;
        double height = 600 - top - 20;
        double f = Math.log(300e6 / 1e3) / Math.log(1e11 / 1e3);
        int spikeY = (int) (top + height * (1 - f));
        int redNearSpike = 0;
        for (int y = spikeY - 30; y < spikeY + 30; y++) {
            for (int x = 64; x < 1200; x++) {
                redNearSpike += distance(pixels.getColor(x, y), LatencyPanel.P99) < 0.2 ? 1 : 0;
            }
        }
        assertThat(redNearSpike).as("p99 reaches the 300 ms spikes").isGreaterThan(10);
    }

    @Test
    void chartsMarkWhereTheFrameFiltersSamplesOccurAlongTheirBottom() throws Exception {
        WritableImage image = render(ViewRenderOptions.of(ViewKind.CHARTS).withSize(1200, 800)
                .withSelection(Selection.cpu().withFrameFilter(Demo.SPIKE)), "charts-spike");
        int strip = 200 - 4;
        double marked = share(image, strip, 64, 1200, Palettes.HIGHLIGHT.deriveColor(0, 1, 1, 1));
        int orangeColumns = 0;
        PixelReader pixels = image.getPixelReader();
        for (int x = 64; x < 1200; x++) {
            Color c = pixels.getColor(x, strip);
            orangeColumns += c.getRed() > 0.9 && c.getGreen() > 0.5 && c.getGreen() < 0.85 && c.getBlue() < 0.6 ? 1 : 0;
        }
        assertThat(orangeColumns).as("the spikes every 2 s are marked").isBetween(8, 400);
        assertThat(marked).isLessThan(0.5);
    }

    @Test
    void everyViewRendersToAPng() throws Exception {
        for (ViewKind kind : ViewKind.values()) {
            Path out = OUT.resolve("render-" + kind.name().toLowerCase() + ".png");
            ViewImages.renderPng(snapshot, ViewRenderOptions.of(kind).withSize(1200, 600)
                    .withEventType(Demo.REQUEST), out);
            assertThat(Files.size(out)).as(kind.name()).isGreaterThan(5_000);
        }
    }
}
