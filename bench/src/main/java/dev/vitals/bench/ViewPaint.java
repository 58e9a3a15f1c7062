package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeRange;
import dev.vitals.views.ViewImages;
import dev.vitals.views.ViewKind;
import dev.vitals.views.ViewRenderOptions;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Frame times of the thread-state timeline, the FlameScope heatmap and the metric charts at
 * 1600 × 900 on the software pipeline (headless JavaFX), on {@link SyntheticSamples#timeline} (500
 * threads × 1 hour by default). The views run their queries inside their skins, so a frame is what
 * the FX thread spends on it: the timeline and charts are panned by one second (their lanes and
 * series are queried for the visible range and painted); the heatmap's rows per second are toggled
 * 50 ↔ 51 (grid query + paint) and its column width 18 ↔ 19 (paint only). The scene snapshot that
 * rasterises each frame is timed separately. Usage: {@code ViewPaint [frames=20] [threads=500] [seconds=3600]}.
 */
public final class ViewPaint {
    private ViewPaint() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 3600;
        HeadlessFx.ensureStarted();
        ProfileSnapshot snapshot = SyntheticSamples.timeline(threads, seconds);
        System.out.printf(Locale.ROOT, "model: %d threads x %d s, %d CPU samples, %d park intervals%n", threads, seconds,
                snapshot.info().eventCounts().get("jdk.ExecutionSample"), snapshot.intervals().length());

        Parent timeline = view(snapshot, ViewKind.TIMELINE);
        TimeAxis timelineAxis = HeadlessFx.call(() -> ((ThreadTimeline) timeline).getTimeAxis());
        measure("timeline, pan by 1 s (lanes query + paint)", timeline, frames, i -> pan(timelineAxis, i));

        FlameScopeHeatmap heatmap = (FlameScopeHeatmap) view(snapshot, ViewKind.HEATMAP);
        measure("heatmap, rows per second 50 <-> 51 (grid query + paint)", heatmap, frames,
                i -> heatmap.setRowsPerSecond(50 + (i & 1)));
        measure("heatmap, column width 18 <-> 19 (paint only)", heatmap, frames,
                i -> heatmap.setColumnWidth(18 + (i & 1)));

        Parent charts = view(snapshot, ViewKind.CHARTS);
        TimeAxis chartsAxis = HeadlessFx.call(() -> ((MetricChart) charts.getChildrenUnmodifiable().getFirst()).getTimeAxis());
        measure("charts (4 metrics), pan by 1 s (series query + paint)", charts, frames, i -> pan(chartsAxis, i));
        System.exit(0);
    }

    private static Parent view(ProfileSnapshot snapshot, ViewKind kind) throws Exception {
        return HeadlessFx.call(() -> {
            ViewRenderOptions options = ViewRenderOptions.of(kind);
            Parent view = ViewImages.createView(snapshot, options);
            new Scene(view, options.width(), options.height());
            return view;
        });
    }

    /** Shows the whole recording but one second, shifted by one second on odd frames. */
    private static void pan(TimeAxis axis, int frame) {
        TimeRange limits = axis.getLimits();
        long shift = (frame & 1) * 1_000_000_000L;
        axis.show(limits.fromNanos() + shift, limits.toNanos() - 1_000_000_000L + shift);
    }

    private static void measure(String label, Parent view, int frames, IntConsumer change)
            throws Exception {
        FrameTimes fx = new FrameTimes();
        FrameTimes raster = new FrameTimes();
        for (int i = -3; i < frames; i++) {
            int frame = i;
            HeadlessFx.call(() -> {
                long start = System.nanoTime();
                change.accept(frame);
                view.applyCss();
                view.layout();
                long laidOut = System.nanoTime();
                view.getScene().snapshot(null);
                if (frame >= 0) {
                    fx.add(laidOut - start);
                    raster.add(System.nanoTime() - laidOut);
                }
                return null;
            });
        }
        System.out.println(label + ": FX query + layout + paint " + fx.summary() + "; snapshot (rasterise) " + raster.summary());
    }
}
