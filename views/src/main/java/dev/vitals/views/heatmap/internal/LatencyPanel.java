package dev.vitals.views.heatmap.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Heatmap;
import dev.vitals.model.query.Selection;
import dev.vitals.views.SnapshotRequest;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.TimeRange;
import dev.vitals.views.heatmap.LatencyHeatmap;
import dev.vitals.views.internal.Fonts;
import dev.vitals.views.internal.Palettes;
import dev.vitals.views.internal.TimePlot;
import dev.vitals.views.internal.TimeTicks;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The latency grid on canvas layers: cells and the p50/p99 lines (data), duration and time labels
 * (axes), the selection (its time range, and its duration range as a box) and the drag (overlay).
 * The grid is a query of the control ({@link LatestQuery}), asked again when the snapshot, the
 * visible range, the width, the event type or the selection's threads change; until the new answer
 * arrives the last one is drawn, its columns mapped onto the visible range.
 */
public final class LatencyPanel extends TimePlot {
    /** Pixels per time bucket. */
    public static final double COLUMN_WIDTH = 6;
    /** The p50 line colour. */
    public static final Color P50 = Color.rgb(0x10, 0x60, 0xd0);
    /** The p99 line colour. */
    public static final Color P99 = Color.rgb(0xe0, 0x20, 0x20);
    private static final double LEFT = 64;
    private static final double TITLE = 16;
    private static final double TICKS = 18;

    private final LatencyHeatmap control;
    private final LatestQuery<GridRequest, Heatmap> gridQuery;

    /** The latency grid of one event type's events of some threads (all if empty) over a range. */
    private record GridRequest(ProfileSnapshot snapshot, long fromNanos, long toNanos, int columns, String eventType,
                               Set<Integer> threads) implements SnapshotRequest {
        Heatmap run() {
            Selection events = Selection.of(new EventSelector.OfType(eventType)).withThreads(threads)
                    .withRange(fromNanos, toNanos);
            return Heatmap.latencyFitted(snapshot, events, columns, LatencyHeatmap.ROWS_PER_DECADE);
        }
    }

    /** A panel of the control's grid; {@code shown} receives each grid as it is shown (for the legend). */
    public LatencyPanel(LatencyHeatmap control, Consumer<Heatmap> shown) {
        this.control = control;
        getStyleClass().add("latency-panel");
        gridQuery = control.newQuery(GridRequest::run, (q, grid) -> {
            shown.accept(grid);
            invalidateData();
            invalidateOverlay();
        });
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

    private Selection selection() {
        return control.getSelectionModel() == null ? Selection.cpu() : control.getSelectionModel().getSelection();
    }

    @Override
    protected void request() {
        ProfileSnapshot snapshot = control.getSnapshot();
        TimeRange range = visible();
        if (snapshot == null || range == null || control.getEventType() == null) {
            return;
        }
        int columns = (int) Math.max(1, plotWidth() / COLUMN_WIDTH);
        gridQuery.request(new GridRequest(snapshot, range.fromNanos(), range.toNanos(), columns,
                control.getEventType(), selection().threads()));
    }

    /** The grid shown, or null. */
    public Heatmap grid() {
        request();
        return gridQuery.result();
    }

    /** The first row whose events all lie in the top decile of the grid's durations. */
    private static int firstStrongRow(Heatmap g) {
        long bound = g.durationQuantile(LatencyHeatmap.EMPHASISED_ABOVE);
        int row = 0;
        while (row < g.rows() && (bound < 0 || g.rowBounds()[row] < bound)) {
            row++;
        }
        return row;
    }

    /**
     * The bounds of the cell holding events of {@code durationNanos} at {@code nanos}, in the
     * panel's coordinates, or null outside the grid shown.
     */
    public Bounds cellBounds(long nanos, long durationNanos) {
        Heatmap g = grid();
        if (g == null || nanos < g.fromNanos()) {
            return null;
        }
        int column = (int) ((nanos - g.fromNanos()) / g.columnNanos());
        int found = Arrays.binarySearch(g.rowBounds(), durationNanos);
        int row = Math.max(0, Math.min(g.rows() - 1, found >= 0 ? found : -found - 2));
        if (column >= g.columns()) {
            return null;
        }
        double x = gridLeft(g) + column * columnWidth(g);
        double y = plotTop() + (g.rows() - 1 - row) * rowHeight(g);
        return new BoundingBox(x, y, columnWidth(g), rowHeight(g));
    }

    /** The x of the left edge of the grid's first column on the visible range. */
    private double gridLeft(Heatmap g) {
        return LEFT + visible().x(g.fromNanos(), plotWidth());
    }

    private double columnWidth(Heatmap g) {
        return (double) g.columnNanos() / visible().length() * plotWidth();
    }

    private double rowHeight(Heatmap g) {
        return (Math.floor(getHeight()) - plotTop()) / g.rows();
    }

    /** The column of the grid shown at x, or -1. */
    public int columnAt(double x) {
        Heatmap g = grid();
        if (g == null || x < LEFT) {
            return -1;
        }
        int c = (int) Math.floor((x - gridLeft(g)) / columnWidth(g));
        return c >= 0 && c < g.columns() ? c : -1;
    }

    /** The row (0 = shortest) of the grid shown at y, clamped into the plot, or -1 above it. */
    public int rowAt(double y) {
        Heatmap g = grid();
        if (g == null || y < plotTop()) {
            return -1;
        }
        int fromTop = (int) ((y - plotTop()) / rowHeight(g));
        return Math.max(0, g.rows() - 1 - fromTop);
    }

    /**
     * A drag from y0 to y1 selects the events of the time range and the duration rows it crosses,
     * and bounds the samples by them.
     */
    public Selection dragged(Selection current, long from, long to, double y0, double y1) {
        Heatmap g = grid();
        int shortest = rowAt(Math.max(y0, y1));
        int longest = rowAt(Math.max(plotTop(), Math.min(y0, y1)));
        if (g == null || shortest < 0 || longest < 0) {
            return current.withTimeRange(from, to);
        }
        Selection low = g.latencyCell(current, 0, shortest);
        Selection high = g.latencyCell(current, 0, longest);
        return current.withRange(from, to).withDurations(low.minDurationNanos(), high.maxDurationNanos())
                .withDuring(control.getEventType());
    }

    /** The selection's threads changed (the grid counts only theirs) or its range: asks again, repaints the overlay. */
    public void selectionChanged() {
        requestLayout();
        invalidateOverlay();
    }

    /** The y of a duration on the grid's log scale. */
    private double y(Heatmap g, long nanos) {
        double logMin = Math.log(g.rowBounds()[0]);
        double f = (Math.log(Math.max(1, nanos)) - logMin) / (Math.log(g.rowBounds()[g.rows()]) - logMin);
        double bottom = Math.floor(getHeight());
        return bottom - Math.max(0, Math.min(1, f)) * (bottom - plotTop());
    }

    @Override
    protected void paintData(GraphicsContext gc, double width, double height) {
        Heatmap g = gridQuery.result();
        if (g == null) {
            return;
        }
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, plotTop(), plotWidth(), height - plotTop());
        gc.clip();
        Cells.paint(gc, g, 0, g.columns(), gridLeft(g), columnWidth(g), plotTop(), rowHeight(g), true,
                colours().dark(), firstStrongRow(g));
        percentileLine(gc, g, 0.99, P99);
        percentileLine(gc, g, 0.5, P50);
        gc.restore();
    }

    private void percentileLine(GraphicsContext gc, Heatmap g, double q, Color colour) {
        gc.setStroke(colour);
        gc.setLineWidth(1.5);
        gc.beginPath();
        boolean open = false;
        for (int c = 0; c < g.columns(); c++) {
            long p = g.percentile(c, q);
            if (p < 0) {
                open = false;
                continue;
            }
            double x0 = gridLeft(g) + c * columnWidth(g);
            double y = y(g, p);
            if (open) {
                gc.lineTo(x0, y);
            } else {
                gc.moveTo(x0, y);
                open = true;
            }
            gc.lineTo(x0 + columnWidth(g), y);
        }
        gc.stroke();
    }

    @Override
    protected void paintAxes(GraphicsContext gc, double width, double height) {
        Heatmap g = gridQuery.result();
        if (g == null) {
            return;
        }
        gc.setFont(Fonts.SMALL);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(colours().textColour());
        String title = control.getEventType() + " durations, max " + g.max() + " per cell";
        gc.fillText(title, 4, TITLE / 2);
        double x = Math.max(LEFT + 300, 4 + title.length() * 6.5 + 16);
        for (Object[] line : new Object[][] {{"p50", P50}, {"p99", P99}}) {
            gc.setFill((Color) line[1]);
            gc.fillRect(x, TITLE / 2 - 1, 14, 2.5);
            gc.setFill(colours().textColour());
            gc.fillText((String) line[0], x + 18, TITLE / 2);
            x += 50;
        }
        gc.save();
        gc.translate(0, TITLE);
        TimeTicks.paint(gc, colours(), visible(), control.getSnapshot().info().startNanos(), LEFT, plotWidth(), TICKS,
                height - TITLE);
        gc.restore();
        gc.setTextAlign(TextAlignment.RIGHT);
        for (long d = g.rowBounds()[0]; d <= g.rowBounds()[g.rows()]; d *= 10) {
            double y = y(g, d);
            gc.setFill(colours().textColour());
            gc.fillText(TimeTicks.duration(d), LEFT - 4, Math.max(plotTop() + 6, Math.min(height - 6, y)));
            gc.setStroke(colours().gridColour());
            gc.setLineWidth(1);
            gc.strokeLine(LEFT, Math.round(y) + 0.5, width, Math.round(y) + 0.5);
        }
        paintFrame(gc, height);
    }

    @Override
    protected void paintOverlay(GraphicsContext gc, double width, double height) {
        Heatmap g = gridQuery.result();
        if (g == null) {
            return;
        }
        Selection s = selection();
        paintRanges(gc, s.fromNanos(), s.toNanos(), height);
        if (s.hasDurationRange()) {
            TimeRange range = visible();
            double x0 = LEFT + Math.max(0, range.x(Math.max(s.fromNanos(), range.fromNanos()), plotWidth()));
            double x1 = LEFT + Math.min(plotWidth(), range.x(Math.min(s.toNanos(), range.toNanos()), plotWidth()));
            double top = Math.max(plotTop(), y(g, s.maxDurationNanos()));
            double bottom = s.minDurationNanos() <= 0 ? height : y(g, s.minDurationNanos());
            gc.setStroke(Palettes.SELECTION_EDGE);
            gc.setLineWidth(2);
            gc.strokeRect(Math.floor(x0) - 1, Math.floor(top) - 1, Math.ceil(x1 - x0) + 2, Math.ceil(bottom - top) + 2);
        }
        paintMarkers(gc);
    }
}
