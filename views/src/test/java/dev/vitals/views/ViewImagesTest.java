package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.ThreadState;
import dev.vitals.model.query.Selection;
import dev.vitals.views.internal.Palettes;
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
            var view = (dev.vitals.views.timeline.ThreadTimeline) ViewImages.createView(snapshot,
                    ViewRenderOptions.of(ViewKind.TIMELINE).withSize(1400, 700).withSelection(hash));
            new javafx.scene.Scene(view, 1400, 700).snapshot(null);
            return new int[] {(int) view.laneBounds("worker-1").getCenterY(), (int) view.laneBounds("sleeper").getCenterY(),
                    (int) view.laneBounds("worker-1").getMaxY() - 2};
        });
        assertThat(share(image, rows[0], 200, 1380, Palettes.state(ThreadState.RUNNING)))
                .as("worker-1 mostly running").isGreaterThan(0.6);
        assertThat(share(image, rows[1], 200, 1380, Palettes.state(ThreadState.SLEEPING)))
                .as("sleeper mostly sleeping").isGreaterThan(0.5);
        assertThat(share(image, rows[2], 200, 1380, Palettes.HIGHLIGHT))
                .as("hashLoop highlight under worker-1").isGreaterThan(0.3);
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
