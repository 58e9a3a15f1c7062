package dev.vitals.app.cli;

import dev.vitals.app.RecordingFiles;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.LatencyTypes;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.views.ViewImages;
import dev.vitals.views.ViewKind;
import dev.vitals.views.ViewRenderOptions;
import dev.vitals.views.flame.FlameGraphImages;
import dev.vitals.views.flame.FlameOrientation;
import dev.vitals.views.flame.FlameRenderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vitals render FILE --view VIEW -o OUT.png}: draws a view of a recording to a PNG without a
 * window, with the same controls the desktop shows ({@link FlameGraphImages}, {@link ViewImages}).
 * For the flame graphs, {@code --from}/{@code --to} and {@code --thread} choose the samples; for the
 * time-based views, {@code --from}/{@code --to} is the visible range and {@code --thread} the threads.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a view of a recording to a PNG image, without a window.")
final class RenderCommand implements Callable<Integer> {
    /** The views that can be rendered. */
    enum View {
        /** Flame graph of the top-down call tree, root at the bottom. */
        FLAME(FlameOrientation.FLAME, null),
        /** The same tree with the root at the top. */
        ICICLE(FlameOrientation.ICICLE, null),
        /** Thread-state timeline, one lane per thread. */
        TIMELINE(null, ViewKind.TIMELINE),
        /** FlameScope heatmap of CPU samples (seconds × sub-second slots). */
        HEATMAP(null, ViewKind.HEATMAP),
        /** Latency heatmap of one interval event type (time × log duration). */
        LATENCY(null, ViewKind.LATENCY),
        /** CPU, heap, threads and allocation rate charts on one time axis. */
        CHARTS(null, ViewKind.CHARTS);

        final FlameOrientation orientation;
        final ViewKind kind;

        View(FlameOrientation orientation, ViewKind kind) {
            this.orientation = orientation;
            this.kind = kind;
        }
    }

    private static final int MIN_WIDTH = 200;
    private static final int MIN_HEIGHT = 100;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A .jfr recording or a .vitals session.")
    Path file;

    @Option(names = "--view", required = true, paramLabel = "VIEW",
            description = "flame, icicle, timeline, heatmap, latency or charts.")
    View view;

    @Mixin
    SelectionOptions select;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "flame and icicle: highlight frames whose name contains TEXT (case-insensitive) and show their share.")
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
        if (search != null && view.orientation == null) {
            throw new ParameterException(spec.commandLine(), "--search applies to the flame and icicle views only");
        }
        RecordingFiles recording = RecordingFiles.open(file);
        recording.printWarnings(spec.commandLine().getErr());
        String detail = view.orientation != null ? renderFlame(recording.snapshot()) : renderView(recording.snapshot());
        spec.commandLine().getOut().printf("%s: %s, %d x %d%n", output, detail, width, height);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String renderFlame(ProfileSnapshot snapshot) throws IOException {
        String event = select.event(SelectionOptions.DEFAULT_EVENT);
        CallTree tree = CallTrees.topDown(snapshot, select.selection(snapshot, Measure.WEIGHT, event));
        if (tree.total(0) == 0) {
            throw new IllegalStateException(file + ": no " + event + " stacks in the selection, nothing to draw");
        }
        FlameRenderOptions options = FlameRenderOptions.defaults().withSize(width, height)
                .withOrientation(view.orientation).withSearch(search == null ? "" : search, false);
        FlameGraphImages.renderPng(tree, options, output);
        return name() + " graph of " + event + " (total " + tree.total(0) + ")";
    }

    private String renderView(ProfileSnapshot snapshot) throws IOException {
        String event = select.event(view.kind != ViewKind.LATENCY ? SelectionOptions.DEFAULT_EVENT
                : Objects.requireNonNullElse(LatencyTypes.preferred(snapshot.intervals()),
                ViewRenderOptions.DEFAULT_LATENCY_TYPE));
        Selection selection = select.selection(snapshot, Measure.WEIGHT, event);
        ViewRenderOptions options = ViewRenderOptions.of(view.kind).withSize(width, height)
                .withRange(selection.fromNanos(), selection.toNanos()).withEventType(event)
                .withSelection(selection.withRange(Long.MIN_VALUE, Long.MAX_VALUE));
        ViewImages.renderPng(snapshot, options, output);
        return view.kind == ViewKind.LATENCY ? name() + " heatmap of " + event : name();
    }

    private String name() {
        return view.name().toLowerCase(Locale.ROOT);
    }
}
