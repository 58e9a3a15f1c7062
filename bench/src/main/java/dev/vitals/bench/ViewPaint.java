package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.HeadlessFx;
import dev.vitals.views.ProfileControl;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeRange;
import dev.vitals.views.ViewImages;
import dev.vitals.views.ViewKind;
import dev.vitals.views.ViewRenderOptions;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * Frame times of the thread-state timeline, the FlameScope heatmap and the metric charts at
 * 1600 × 900 on the software pipeline (headless JavaFX), on {@link SyntheticSamples#timeline} (500
 * threads × 1 hour by default), with the views' queries on a background thread as in the app.
 * Each frame makes a change on the FX thread: the timeline and charts are panned by one second over
 * the hour, the heatmap's rows per second toggled 50 ↔ 51 (a new grid) or its column width 18 ↔ 19
 * (paint only). Timed per frame: the FX thread's change + layout + paint while the query runs (the
 * last answer drawn on the new range), the query on its thread, and the FX thread's layout + paint
 * once the answer is in. The scene snapshot that rasterises each frame is timed apart.
 * Usage: {@code ViewPaint [frames=20] [threads=500] [seconds=3600]}.
 */
public final class ViewPaint {
    private ViewPaint() {
    }

    /** Runs the views' queries on one thread and times each. */
    private static final class TimedExecutor implements Executor {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "view-query");
            t.setDaemon(true);
            return t;
        });
        private final FrameTimes times = new FrameTimes();
        private boolean recording;

        @Override
        public void execute(Runnable task) {
            thread.execute(() -> {
                long start = System.nanoTime();
                task.run();
                long took = System.nanoTime() - start;
                synchronized (this) {
                    if (recording) {
                        times.add(took);
                    }
                }
            });
        }

        synchronized FrameTimes start() {
            recording = true;
            return times;
        }
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
        measure("timeline, pan by 1 s", timeline, frames, i -> pan(timelineAxis, i));

        FlameScopeHeatmap heatmap = (FlameScopeHeatmap) view(snapshot, ViewKind.HEATMAP);
        measure("heatmap, rows per second 50 <-> 51 (new grid)", heatmap, frames,
                i -> heatmap.setRowsPerSecond(50 + (i & 1)));
        measure("heatmap, column width 18 <-> 19 (no query)", heatmap, frames,
                i -> heatmap.setColumnWidth(18 + (i & 1)));

        Parent charts = view(snapshot, ViewKind.CHARTS);
        TimeAxis chartsAxis = HeadlessFx.call(() -> ((MetricChart) charts.getChildrenUnmodifiable().getFirst()).getTimeAxis());
        measure("charts (4 metrics), pan by 1 s", charts, frames, i -> pan(chartsAxis, i));
        System.exit(0);
    }

    /** The view as {@code vitals render} builds it, in a 1600 × 900 scene, its queries on a timed thread. */
    private static Parent view(ProfileSnapshot snapshot, ViewKind kind) throws Exception {
        return HeadlessFx.call(() -> {
            ViewRenderOptions options = ViewRenderOptions.of(kind);
            Parent view = ViewImages.createView(snapshot, options);
            new Scene(view, options.width(), options.height());
            return view;
        });
    }

    private static List<ProfileControl> controls(Parent view) {
        return view instanceof ProfileControl c ? List.of(c) : view.getChildrenUnmodifiable().stream()
                .map(n -> (ProfileControl) n).toList();
    }

    /** Shows the whole recording but one second, shifted by one second on odd frames. */
    private static void pan(TimeAxis axis, int frame) {
        TimeRange limits = axis.getLimits();
        long shift = (frame & 1) * 1_000_000_000L;
        axis.show(limits.fromNanos() + shift, limits.toNanos() - 1_000_000_000L + shift);
    }

    private static boolean computing(List<ProfileControl> controls) throws Exception {
        return HeadlessFx.call(() -> controls.stream().anyMatch(ProfileControl::isComputing));
    }

    private static void layout(Node view) {
        view.applyCss();
        ((Parent) view).layout();
    }

    private static void measure(String label, Parent view, int frames, IntConsumer change) throws Exception {
        List<ProfileControl> controls = controls(view);
        TimedExecutor executor = new TimedExecutor();
        HeadlessFx.call(() -> {
            controls.forEach(c -> c.setQueryExecutor(executor));
            layout(view);
            return null;
        });
        FrameTimes changed = new FrameTimes();
        FrameTimes answered = new FrameTimes();
        FrameTimes raster = new FrameTimes();
        FrameTimes queries = null;
        for (int i = -3; i < frames; i++) {
            int frame = i;
            while (computing(controls)) {
                Thread.sleep(1);
            }
            if (frame == 0) {
                queries = executor.start();
            }
            long fxChange = HeadlessFx.call(() -> {
                long start = System.nanoTime();
                change.accept(frame);
                layout(view);
                return System.nanoTime() - start;
            });
            while (computing(controls)) {
                Thread.sleep(1);
            }
            long[] fxAnswer = HeadlessFx.call(() -> {
                long start = System.nanoTime();
                layout(view);
                long laidOut = System.nanoTime();
                view.getScene().snapshot(null);
                return new long[] {laidOut - start, System.nanoTime() - laidOut};
            });
            if (frame >= 0) {
                changed.add(fxChange);
                answered.add(fxAnswer[0]);
                raster.add(fxAnswer[1]);
            }
        }
        System.out.println(label + ": FX change + layout + paint (last answer) " + changed.summary()
                + "; query on its thread " + (queries == null || queries.count() == 0 ? "none" : queries.summary())
                + "; FX layout + paint of the answer " + answered.summary()
                + "; snapshot (rasterise) " + raster.summary());
    }
}
