package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.PngWriter;
import dev.vitals.views.flame.internal.TreeGeometry;
import dev.vitals.views.internal.InteractiveControls;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders flame graphs to images without a window: the same {@link FlameGraph} control, in an
 * off-screen scene of the requested size, snapshotted. This is what {@code vitals render --view
 * flame|icicle} and README screenshots use.
 */
public final class FlameGraphImages {
    private FlameGraphImages() {
    }

    /** Builds the control for a tree with the options applied (not yet in a scene). JavaFX thread. */
    public static FlameGraph createControl(CallTree tree, FlameRenderOptions options) {
        FlameGraph graph = new FlameGraph();
        graph.setMode(options.mode());
        graph.setOrientation(options.orientation());
        graph.setColouring(options.colouring());
        graph.setCallersTree(options.callers());
        graph.setDiff(options.diff());
        graph.setCallTree(tree);
        graph.setSearchRegex(options.regex());
        graph.setSearch(options.search());
        if (options.zoomPath() != null) {
            int node = TreeGeometry.deepestExisting(tree, options.zoomPath());
            graph.setZoomedFrame(node == 0 ? null : new FlameFrame(tree, node));
        }
        return graph;
    }

    /**
     * The off-screen scene a picture is taken of: the flame graph, its path and legend, its
     * interactive controls (search box, Regex, Flame/Icicle…) hidden; the matched share stays when
     * searching. JavaFX thread.
     */
    public static Scene scene(CallTree tree, FlameRenderOptions options) {
        Scene scene = new Scene(createControl(tree, options), options.width(), options.height());
        InteractiveControls.hide(scene.getRoot());
        return scene;
    }

    /** Renders the tree to an image of {@code options.width() × options.height()}. Must run on the JavaFX thread. */
    public static WritableImage render(CallTree tree, FlameRenderOptions options) {
        return scene(tree, options).snapshot(null);
    }

    /**
     * Renders the tree to a PNG file. Callable from any thread: off the JavaFX thread it starts the
     * toolkit headless if needed ({@link HeadlessFx}) and waits for the image.
     */
    public static void renderPng(CallTree tree, FlameRenderOptions options, Path out) throws IOException {
        WritableImage image;
        try {
            image = HeadlessFx.call(() -> render(tree, options));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("rendering failed", e);
        }
        PngWriter.write(image, out);
    }
}
