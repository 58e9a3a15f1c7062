package dev.vitals.app.cli;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.views.flame.FlameGraphImages;
import dev.vitals.views.flame.FlameOrientation;
import dev.vitals.views.flame.FlameRenderOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vitals render FILE --view flame|icicle -o OUT.png}: draws a view of a recording to a PNG
 * without a window, with the same controls the desktop shows ({@link FlameGraphImages}).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a view of a recording to a PNG image, without a window.")
final class RenderCommand implements Callable<Integer> {
    /** The views that can be rendered. */
    enum View {
        /** Flame graph of the top-down call tree, root at the bottom. */
        FLAME(FlameOrientation.FLAME),
        /** The same tree with the root at the top. */
        ICICLE(FlameOrientation.ICICLE);

        final FlameOrientation orientation;

        View(FlameOrientation orientation) {
            this.orientation = orientation;
        }
    }

    private static final int MIN_WIDTH = 200;
    private static final int MIN_HEIGHT = 100;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A .jfr recording or a .vitals session.")
    Path file;

    @Option(names = "--view", required = true, paramLabel = "VIEW", description = "flame or icicle.")
    View view;

    @Mixin
    SelectionOptions select;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Highlight frames whose name contains TEXT (case-insensitive) and show their share.")
    String search;

    @Option(names = "--width", paramLabel = "PX", defaultValue = "1600", description = "Image width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PX", defaultValue = "900", description = "Image height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.png", description = "The PNG file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new ParameterException(spec.commandLine(), "the image must be at least " + MIN_WIDTH + " x "
                    + MIN_HEIGHT + " pixels, not " + width + " x " + height);
        }
        RecordingFiles recording = RecordingFiles.open(file);
        recording.printWarnings(spec.commandLine().getErr());
        ProfileSnapshot snapshot = recording.snapshot();
        Selection selection = select.selection(snapshot, Measure.WEIGHT);
        CallTree tree = CallTrees.topDown(snapshot, selection);
        if (tree.total(0) == 0) {
            throw new IllegalStateException(file + ": no " + select.event + " stacks in the selection, nothing to draw");
        }
        FlameRenderOptions options = FlameRenderOptions.defaults().withSize(width, height)
                .withOrientation(view.orientation).withSearch(search == null ? "" : search, false);
        FlameGraphImages.renderPng(tree, options, output);
        spec.commandLine().getOut().printf("%s: %s graph of %s, %d x %d (total %d)%n", output,
                view.name().toLowerCase(Locale.ROOT), select.event, width, height, tree.total(0));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
