package dev.vitals.views.chart.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.Series;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.ReducedSeries;
import dev.vitals.model.query.Selection;
import dev.vitals.views.SnapshotRequest;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.TimeRange;
import dev.vitals.views.chart.Metric;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.internal.Fonts;
import dev.vitals.views.internal.Palettes;
import dev.vitals.views.internal.PauseShading;
import dev.vitals.views.internal.TimePlot;
import dev.vitals.views.internal.TimeTicks;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One metric chart on canvas layers: the series reduced to one bin per pixel, drawn as a min–max band
 * per pixel and a line through the last values (the heap is read before and after each GC, so
 * a line shows its growth between collections); GC pauses shaded on the heap chart; title, legend,
 * time ticks and value labels on the axes layer; the selection, the drag and where the frame
 * filter's CPU samples occur (a strip along the bottom) on the overlay. The reduced series and the
 * frame filter's strip are queries of the control ({@link LatestQuery}), asked again when the
 * snapshot, the visible range, the width, the metric or the frame filter change; they are drawn by
 * time, so the last answer stays in place on the visible range until the new one arrives.
 */
public final class ChartPanel extends TimePlot {
    /** Interval type shaded as GC pauses on the heap chart. */
    public static final String GC_PAUSE = "jdk.GCPhasePause";
    /** The line colours, in series order. */
    public static final List<Color> LINES = List.of(Color.rgb(0x1f, 0x77, 0xb4), Color.rgb(0xd6, 0x27, 0x28),
            Color.rgb(0x7f, 0x7f, 0x7f), Color.rgb(0x2c, 0xa0, 0x2c));
    private static final double LEFT = 64;
    private static final double TITLE = 16;
    private static final double TICKS = 18;
    /** The height of a y label's line. */
    private static final double LINE_HEIGHT = Fonts.SMALL.getSize() + 2;
    private static final double FRAME_STRIP = 5;
    /** Pixels per bin of a rate (allocation, frame filter hits). */
    private static final int RATE_BIN = 4;

    private final MetricChart control;
    private final LatestQuery<SeriesRequest, Plotted> seriesQuery;
    private final LatestQuery<HitsRequest, ReducedSeries> hitsQuery;

    /** The metric's series over a range, one bin per pixel of {@code width}. */
    private record SeriesRequest(ProfileSnapshot snapshot, long fromNanos, long toNanos, int width, Metric metric)
            implements SnapshotRequest {
        Plotted run() {
            List<ReducedSeries> reduced = new ArrayList<>();
            if (metric == Metric.ALLOCATION) {
                // No allocation samples (settings that leave them out): not recorded, not a rate of 0 B/s.
                reduced.add(snapshot.samples(SampleKind.ALLOCATION).isEmpty() ? null
                        : ReducedSeries.rate(snapshot, Selection.of(new EventSelector.OfKind(SampleKind.ALLOCATION)),
                                fromNanos, toNanos, Math.max(1, width / RATE_BIN)));
            } else {
                for (String name : metric.series()) {
                    Series series = snapshot.series(name);
                    reduced.add(series == null ? null : ReducedSeries.reduce(series, fromNanos, toNanos, width));
                }
            }
            List<EventList.Row> pauses = metric == Metric.HEAP ? EventList.of(snapshot,
                    Selection.of(new EventSelector.OfType(GC_PAUSE))
                            .withRange(fromNanos - snapshot.intervals().maxDuration(), toNanos), 10_000).rows()
                    : List.of();
            double max = 0;
            for (ReducedSeries s : reduced) {
                for (int i = 0; s != null && i < s.length(); i++) {
                    max = Math.max(max, s.max()[i]);
                }
            }
            double top = metric.unit() == Metric.Unit.PERCENT ? 1 : max <= 0 ? 1 : max * 1.1;
            return new Plotted(Collections.unmodifiableList(reduced), pauses, top, (toNanos - fromNanos) / width);
        }
    }

    /**
     * What the chart draws.
     *
     * @param lines    the reduced series in the metric's order (null entries for missing series)
     * @param pauses   the GC pauses (heap chart only)
     * @param maxValue the value at the top of the plot
     * @param binNanos the time one bin of a rate covers
     */
    private record Plotted(List<ReducedSeries> lines, List<EventList.Row> pauses, double maxValue, long binNanos) {
    }

    /** The rate of CPU samples of some threads through a frame filter, in bins of {@link #RATE_BIN} pixels. */
    private record HitsRequest(ProfileSnapshot snapshot, long fromNanos, long toNanos, int bins, String frameFilter,
                               Set<Integer> threads) implements SnapshotRequest {
        ReducedSeries run() {
            return ReducedSeries.rate(snapshot, Selection.cpu().withThreads(threads).withFrameFilter(frameFilter),
                    fromNanos, toNanos, bins);
        }
    }

    public ChartPanel(MetricChart control) {
        this.control = control;
        getStyleClass().add("chart-panel");
        seriesQuery = control.newQuery(SeriesRequest::run, (q, plotted) -> invalidateData());
        hitsQuery = control.newQuery(HitsRequest::run, (q, hits) -> invalidateOverlay());
        followQueries(control);
    }

    @Override
    public double plotLeft() {
        return LEFT;
    }

    @Override
    public double plotTop() {
        return TITLE + TICKS;
    }

    @Override
    public TimeRange visible() {
        return control.getTimeAxis() == null ? null : control.getTimeAxis().getVisible();
    }

    /** The reduced series drawn, in the metric's order (null entries for missing series). */
    public List<ReducedSeries> lines() {
        request();
        Plotted plotted = seriesQuery.result();
        return plotted == null ? List.of() : plotted.lines();
    }

    /** The GC pauses drawn (heap chart only). */
    public List<EventList.Row> pauses() {
        request();
        Plotted plotted = seriesQuery.result();
        return plotted == null ? List.of() : plotted.pauses();
    }

    private double maxValue() {
        Plotted plotted = seriesQuery.result();
        return plotted == null ? 1 : plotted.maxValue();
    }

    /** The y of a value. */
    public double y(double value) {
        double bottom = Math.floor(getHeight()) - 1;
        return bottom - value / maxValue() * (bottom - plotTop() - 4);
    }

    private Selection selection() {
        return control.getSelectionModel() == null ? null : control.getSelectionModel().getSelection();
    }

    @Override
    protected void request() {
        ProfileSnapshot snapshot = control.getSnapshot();
        TimeRange range = visible();
        if (snapshot == null || range == null) {
            return;
        }
        seriesQuery.request(new SeriesRequest(snapshot, range.fromNanos(), range.toNanos(), (int) plotWidth(),
                control.getMetric()));
        Selection s = selection();
        if (s != null && s.frameFilter() != null) {
            hitsQuery.request(new HitsRequest(snapshot, range.fromNanos(), range.toNanos(),
                    (int) Math.max(1, plotWidth() / RATE_BIN), s.frameFilter(), s.threads()));
        }
    }

    @Override
    protected void paintData(GraphicsContext gc, double width, double height) {
        Plotted plotted = seriesQuery.result();
        TimeRange range = visible();
        if (range == null || plotted == null) {
            return;
        }
        double plotWidth = plotWidth();
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, plotTop(), plotWidth, height - plotTop());
        gc.clip();
        PauseShading.paint(gc, plotted.pauses(), range, LEFT, plotTop(), (int) plotWidth, height - plotTop());
        List<ReducedSeries> lines = plotted.lines();
        for (int i = 0; i < lines.size(); i++) {
            ReducedSeries s = lines.get(i);
            if (s == null || s.length() == 0) {
                continue;
            }
            Color colour = LINES.get(i % LINES.size());
            double binWidth = control.getMetric() == Metric.ALLOCATION ? pixels(plotted.binNanos() * RATE_BIN) : 1;
            gc.setStroke(colour);
            gc.setLineWidth(1.5);
            gc.beginPath();
            for (int k = 0; k < s.length(); k++) {
                double x = LEFT + range.x(s.time()[k], plotWidth) + binWidth / 2;
                if (k == 0) {
                    gc.moveTo(x, y(s.last()[k]));
                } else {
                    gc.lineTo(x, y(s.last()[k]));
                }
            }
            gc.stroke();
            gc.setLineWidth(1);
            for (int k = 0; k < s.length(); k++) {
                if (s.max()[k] > s.min()[k]) {
                    double x = Math.floor(LEFT + range.x(s.time()[k], plotWidth)) + 0.5;
                    gc.strokeLine(x, y(s.min()[k]), x, y(s.max()[k]));
                }
            }
        }
        gc.restore();
    }

    /** The width in pixels of a time span on the visible range. */
    private double pixels(long nanos) {
        return (double) nanos / visible().length() * plotWidth();
    }

    @Override
    protected void paintAxes(GraphicsContext gc, double width, double height) {
        TimeRange range = visible();
        Plotted plotted = seriesQuery.result();
        if (range == null || control.getSnapshot() == null || plotted == null) {
            return;
        }
        List<ReducedSeries> lines = plotted.lines();
        Metric metric = control.getMetric();
        gc.setFont(Fonts.SMALL);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(colours().textColour());
        gc.fillText(metric.title(), 4, TITLE / 2);
        double x = LEFT + 110;
        for (int i = 0; i < metric.labels().size(); i++) {
            boolean present = i < lines.size() && lines.get(i) != null;
            gc.setFill(LINES.get(i % LINES.size()));
            gc.fillRect(x, TITLE / 2 - 4, 10, 8);
            gc.setFill(present ? colours().textColour() : colours().mutedTextColour());
            String label = metric.labels().get(i) + (present ? "" : " (not recorded)");
            gc.fillText(label, x + 14, TITLE / 2);
            x += 24 + label.length() * 6.5;
        }
        if (metric == Metric.HEAP) {
            gc.setFill(Palettes.GC);
            gc.fillRect(x, TITLE / 2 - 4, 10, 8);
            gc.setFill(colours().textColour());
            gc.fillText("GC pause", x + 14, TITLE / 2);
        }
        gc.save();
        gc.translate(0, TITLE);
        TimeTicks.paint(gc, colours(), range, control.getSnapshot().info().startNanos(), LEFT, plotWidth(), TICKS,
                height - TITLE);
        gc.restore();
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setFill(colours().textColour());
        double bottom = Math.floor(height) - 1;
        double top = plotTop() + 4;
        boolean recorded = lines.stream().anyMatch(Objects::nonNull);
        for (ValueLabel label : recorded ? valueLabels(top, bottom, LINE_HEIGHT) : List.<ValueLabel>of()) {
            double v = maxValue() * label.fraction() / (metric.unit() == Metric.Unit.PERCENT ? 1 : 1.1);
            double y = y(v);
            gc.fillText(format(v, metric.unit()), LEFT - 4, label.y());
            gc.setStroke(colours().gridColour());
            gc.strokeLine(LEFT, Math.round(y) + 0.5, width, Math.round(y) + 0.5);
        }
        paintFrame(gc, height);
    }

    /**
     * The y labels drawn, in this panel's coordinates (their text's line, from the left edge to the
     * plot's), top first; none before the first answer or when nothing is recorded. For tests.
     */
    public List<Bounds> valueLabelBounds() {
        Plotted plotted = seriesQuery.result();
        if (plotted == null || plotted.lines().stream().noneMatch(Objects::nonNull)) {
            return List.of();
        }
        List<Bounds> bounds = new ArrayList<>();
        for (ValueLabel label : valueLabels(plotTop() + 4, Math.floor(getHeight()) - 1, LINE_HEIGHT).reversed()) {
            bounds.add(new BoundingBox(0, label.y() - LINE_HEIGHT / 2, LEFT - 4, LINE_HEIGHT));
        }
        return bounds;
    }

    /**
     * The least height at which a chart shows its title and legend, its time ticks and all three y
     * labels (zero, half, the top) a line apart, with a few pixels to spare.
     */
    public static double readableHeight() {
        return TITLE + TICKS + 4 + 3 * LINE_HEIGHT + 3;
    }

    /** A value label on the y axis: its value as a fraction of the axis's top value, and the centre of its text. */
    public record ValueLabel(double fraction, double y) {
    }

    /**
     * The value labels of a y axis from {@code top} (the top value) to {@code bottom} (zero), each
     * {@code lineHeight} high and kept inside the axis: zero, half and the top while the three fit
     * without touching, else zero and the top, else the top alone. Labels never overlap.
     */
    public static List<ValueLabel> valueLabels(double top, double bottom, double lineHeight) {
        for (double[] fractions : new double[][] {{0, 0.5, 1}, {0, 1}}) {
            List<ValueLabel> labels = new ArrayList<>();
            for (double f : fractions) {
                labels.add(valueLabel(f, top, bottom, lineHeight));
            }
            boolean apart = true;
            for (int i = 1; i < labels.size(); i++) {
                apart &= labels.get(i - 1).y() - labels.get(i).y() >= lineHeight;
            }
            if (apart) {
                return labels;
            }
        }
        return List.of(valueLabel(1, top, bottom, lineHeight));
    }

    private static ValueLabel valueLabel(double fraction, double top, double bottom, double lineHeight) {
        double y = bottom - fraction * (bottom - top);
        return new ValueLabel(fraction, Math.max(top - 4 + lineHeight / 2, Math.min(bottom - lineHeight / 2, y)));
    }

    /** A value with its unit: "45 %", "120 MB", "17", "3.2 MB/s". */
    public static String format(double v, Metric.Unit unit) {
        return switch (unit) {
            case PERCENT -> Math.round(v * 100) + " %";
            case COUNT -> Long.toString(Math.round(v));
            case BYTES -> bytes(v);
            case BYTES_PER_SECOND -> bytes(v) + "/s";
        };
    }

    private static String bytes(double v) {
        if (v >= 1 << 30) {
            return String.format("%.1f GB", v / (1 << 30));
        } else if (v >= 1 << 20) {
            return String.format("%.0f MB", v / (1 << 20));
        } else if (v >= 1 << 10) {
            return String.format("%.0f kB", v / (1 << 10));
        }
        return Math.round(v) + " B";
    }

    @Override
    protected void paintOverlay(GraphicsContext gc, double width, double height) {
        Selection s = selection();
        if (s != null && visible() != null) {
            paintFrameHits(gc, s, height);
            paintRanges(gc, s.fromNanos(), s.toNanos(), height);
        }
        paintMarkers(gc);
    }

    /**
     * Where CPU samples through the selection's frame filter (of its threads) occur: a strip along
     * the bottom of the plot, more opaque where they are denser.
     */
    private void paintFrameHits(GraphicsContext gc, Selection s, double height) {
        HitsRequest asked = hitsQuery.resultRequest();
        ReducedSeries hits = hitsQuery.result();
        if (s.frameFilter() == null || hits == null) {
            return;
        }
        double max = 0;
        for (double v : hits.max()) {
            max = Math.max(max, v);
        }
        TimeRange range = visible();
        double binWidth = pixels((asked.toNanos() - asked.fromNanos()) / asked.bins());
        for (int i = 0; i < hits.length(); i++) {
            double x = range.x(hits.time()[i], plotWidth());
            if (hits.max()[i] > 0 && x >= 0 && x < plotWidth()) {
                gc.setFill(Palettes.HIGHLIGHT.deriveColor(0, 1, 1, 0.35 + 0.65 * hits.max()[i] / max));
                gc.fillRect(LEFT + Math.floor(x), height - FRAME_STRIP - 1, Math.ceil(binWidth), FRAME_STRIP);
            }
        }
    }
}
