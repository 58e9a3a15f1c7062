package dev.vitals.views.heatmap.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Heatmap;
import dev.vitals.model.query.Selection;
import dev.vitals.views.TimeRange;
import dev.vitals.views.heatmap.LatencyHeatmap;
import dev.vitals.views.internal.Fonts;
import dev.vitals.views.internal.Palettes;
import dev.vitals.views.internal.TimePlot;
import dev.vitals.views.internal.TimeTicks;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The latency grid on canvas layers: cells and the p50/p99 lines (data), duration and time labels
 * (axes), the selection, the drag and the clicked cell (overlay). The grid is recomputed only when
 * the snapshot, the visible range, the width, the event type or the selection's threads change.
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
    private Heatmap grid;
    private Object key;
    private int clickedColumn = -1;
    private int clickedRow;

    public LatencyPanel(LatencyHeatmap control) {
        this.control = control;
        getStyleClass().add("latency-panel");
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

    /** The grid shown, or null. */
    public Heatmap grid() {
        ProfileSnapshot snapshot = control.getSnapshot();
        TimeRange range = visible();
        if (snapshot == null || range == null || control.getEventType() == null) {
            return null;
        }
        Selection shared = control.getSelectionModel() == null ? Selection.cpu()
                : control.getSelectionModel().getSelection();
        int columns = (int) Math.max(1, plotWidth() / COLUMN_WIDTH);
        Object k = List.of(snapshot, range, columns, control.getEventType(), shared.threads());
        if (!k.equals(key)) {
            key = k;
            Selection events = Selection.of(new EventSelector.OfType(control.getEventType()))
                    .withThreads(shared.threads()).withRange(range.fromNanos(), range.toNanos());
            grid = Heatmap.latency(snapshot, events, columns, LatencyHeatmap.ROWS, LatencyHeatmap.MIN_NANOS,
                    LatencyHeatmap.MAX_NANOS);
            clickedColumn = -1;
        }
        return grid;
    }

    private double columnWidth() {
        return plotWidth() / grid.columns();
    }

    private double rowHeight() {
        return (Math.floor(getHeight()) - plotTop()) / grid.rows();
    }

    /** The column at x, or -1. */
    public int columnAt(double x) {
        if (grid() == null || x < LEFT) {
            return -1;
        }
        int c = (int) ((x - LEFT) / columnWidth());
        return c < grid.columns() ? c : -1;
    }

    /** The row (0 = shortest) at y, or -1. */
    public int rowAt(double y) {
        if (grid() == null || y < plotTop()) {
            return -1;
        }
        int fromTop = (int) ((y - plotTop()) / rowHeight());
        return fromTop < grid.rows() ? grid.rows() - 1 - fromTop : -1;
    }

    /**
     * The shared selection changed: the cells are recomputed and repainted only if its threads
     * changed; the selected range is drawn on the overlay.
     */
    public void selectionChanged(Selection selection) {
        if (!(key instanceof List<?> k) || !k.get(4).equals(selection.threads())) {
            invalidateData();
        }
        invalidateOverlay();
    }

    /** Marks a clicked cell (column -1: none). */
    public void setClicked(int column, int row) {
        clickedColumn = column;
        clickedRow = row;
        invalidateOverlay();
    }

    /** The y of a duration on the log scale. */
    private double y(long nanos) {
        double logMin = Math.log(LatencyHeatmap.MIN_NANOS);
        double f = (Math.log(Math.max(1, nanos)) - logMin) / (Math.log(LatencyHeatmap.MAX_NANOS) - logMin);
        double bottom = Math.floor(getHeight());
        return bottom - Math.max(0, Math.min(1, f)) * (bottom - plotTop());
    }

    @Override
    protected void paintData(GraphicsContext gc, double width, double height) {
        Heatmap g = grid();
        if (g == null) {
            return;
        }
        Cells.paint(gc, g, 0, g.columns(), LEFT, columnWidth(), plotTop(), rowHeight(), true);
        percentileLine(gc, g, 0.99, P99);
        percentileLine(gc, g, 0.5, P50);
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
            double x0 = LEFT + c * columnWidth();
            double y = y(p);
            if (open) {
                gc.lineTo(x0, y);
            } else {
                gc.moveTo(x0, y);
                open = true;
            }
            gc.lineTo(x0 + columnWidth(), y);
        }
        gc.stroke();
    }

    @Override
    protected void paintAxes(GraphicsContext gc, double width, double height) {
        Heatmap g = grid();
        if (g == null) {
            return;
        }
        gc.setFont(Fonts.SMALL);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(Color.rgb(0x20, 0x20, 0x20));
        String title = control.getEventType() + " durations, max " + g.max() + " per cell";
        gc.fillText(title, 4, TITLE / 2);
        double x = Math.max(LEFT + 300, 4 + title.length() * 6.5 + 16);
        for (Object[] line : new Object[][] {{"p50", P50}, {"p99", P99}}) {
            gc.setFill((Color) line[1]);
            gc.fillRect(x, TITLE / 2 - 1, 14, 2.5);
            gc.setFill(Color.rgb(0x20, 0x20, 0x20));
            gc.fillText((String) line[0], x + 18, TITLE / 2);
            x += 50;
        }
        gc.save();
        gc.translate(0, TITLE);
        TimeTicks.paint(gc, visible(), control.getSnapshot().info().startNanos(), LEFT, plotWidth(), TICKS,
                height - TITLE);
        gc.restore();
        gc.setTextAlign(TextAlignment.RIGHT);
        for (long d = LatencyHeatmap.MIN_NANOS; d <= LatencyHeatmap.MAX_NANOS; d *= 10) {
            double y = y(d);
            gc.setFill(Color.rgb(0x30, 0x30, 0x30));
            gc.fillText(TimeTicks.duration(d), LEFT - 4, Math.max(plotTop() + 6, Math.min(height - 6, y)));
            gc.setStroke(Color.rgb(0, 0, 0, 0.08));
            gc.setLineWidth(1);
            gc.strokeLine(LEFT, Math.round(y) + 0.5, width, Math.round(y) + 0.5);
        }
        paintFrame(gc, height);
    }

    @Override
    protected void paintOverlay(GraphicsContext gc, double width, double height) {
        Heatmap g = grid();
        if (g == null) {
            return;
        }
        Selection s = control.getSelectionModel() == null ? null : control.getSelectionModel().getSelection();
        if (clickedColumn >= 0) {
            double x0 = Math.floor(LEFT + clickedColumn * columnWidth());
            double top = Math.floor(plotTop() + (g.rows() - 1 - clickedRow) * rowHeight());
            gc.setStroke(Palettes.SELECTION_EDGE);
            gc.setLineWidth(2);
            gc.strokeRect(x0 - 1, top - 1, Math.ceil(columnWidth()) + 2, Math.ceil(rowHeight()) + 2);
        } else if (s != null) {
            paintRanges(gc, s.fromNanos(), s.toNanos(), height);
        }
        paintMarkers(gc);
    }
}
