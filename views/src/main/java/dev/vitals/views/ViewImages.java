package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.chart.Metric;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.heatmap.LatencyHeatmap;
import dev.vitals.views.internal.InteractiveControls;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders the timeline, the heatmaps and the charts to images without a window: the same controls
 * in an off-screen scene of the requested size, snapshotted (like the flame graph's
 * {@code FlameGraphImages}). This is what {@code vitals render --view timeline|heatmap|latency|charts}
 * and README screenshots use.
 */
public final class ViewImages {
    private ViewImages() {
    }

    /** Builds the view's node for a snapshot with the options applied (not yet in a scene). JavaFX thread. */
    public static Parent createView(ProfileSnapshot snapshot, ViewRenderOptions options) {
        TimeAxis axis = new TimeAxis(new TimeRange(snapshot.info().startNanos(),
                Math.max(snapshot.info().startNanos() + 1, snapshot.info().endNanos())));
        if (options.fromNanos() != Long.MIN_VALUE || options.toNanos() != Long.MAX_VALUE) {
            TimeRange limits = axis.getLimits();
            axis.show(options.fromNanos() == Long.MIN_VALUE ? limits.fromNanos() : options.fromNanos(),
                    options.toNanos() == Long.MAX_VALUE ? limits.toNanos() : options.toNanos());
        }
        SelectionModel selection = new SelectionModel(options.selection());
        return switch (options.view()) {
            case TIMELINE -> new ThreadTimeline(snapshot, selection, axis);
            case HEATMAP -> new FlameScopeHeatmap(snapshot, selection);
            case LATENCY -> new LatencyHeatmap(options.eventType(), snapshot, selection, axis);
            case CHARTS -> {
                VBox charts = new VBox();
                for (Metric metric : Metric.values()) {
                    MetricChart chart = new MetricChart(metric, snapshot, selection, axis);
                    chart.setPrefHeight(options.height() / 4.0);
                    VBox.setVgrow(chart, Priority.ALWAYS);
                    charts.getChildren().add(chart);
                }
                yield charts;
            }
        };
    }

    /**
     * The off-screen scene a picture is taken of: the view and its legend, its interactive controls
     * (filter, sort) hidden. JavaFX thread.
     */
    public static Scene scene(ProfileSnapshot snapshot, ViewRenderOptions options) {
        Scene scene = new Scene(createView(snapshot, options), options.width(), options.height());
        InteractiveControls.hide(scene.getRoot());
        return scene;
    }

    /** Renders the view to an image of {@code options.width() × options.height()}. JavaFX thread. */
    public static WritableImage render(ProfileSnapshot snapshot, ViewRenderOptions options) {
        return scene(snapshot, options).snapshot(null);
    }

    /**
     * Renders the view to a PNG file. Callable from any thread: off the JavaFX thread it starts the
     * toolkit headless if needed ({@link HeadlessFx}) and waits for the image.
     */
    public static void renderPng(ProfileSnapshot snapshot, ViewRenderOptions options, Path out) throws IOException {
        WritableImage image;
        try {
            image = HeadlessFx.call(() -> render(snapshot, options));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("rendering failed", e);
        }
        PngWriter.write(image, out);
    }
}
