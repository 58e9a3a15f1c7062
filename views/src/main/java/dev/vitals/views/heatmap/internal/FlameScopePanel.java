package dev.vitals.views.heatmap.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.Heatmap;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.views.SnapshotRequest;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.internal.Fonts;
import dev.vitals.views.internal.LayeredCanvas;
import dev.vitals.views.internal.Palettes;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The FlameScope grid on canvas layers: cells (data), second and millisecond labels (axes), and
 * the selection, drag and frame-filter outlines (overlay). The grid is a query of the control
 * ({@link LatestQuery}), asked again when the snapshot, the selection's threads or the rows per
 * second change, and drawn as last answered until the new answer arrives; a frame filter is a
 * second grid of the same shape, painted on the overlay. Scrolls horizontally by {@link #scrollX()}; while
 * scrolled to the end it follows new columns.
 */
public final class FlameScopePanel extends LayeredCanvas {
    /** Width of the row labels. */
    public static final double LEFT = 52;
    /** Height of the column labels. */
    public static final double TOP = 18;

    private final FlameScopeHeatmap control;
    private final LatestQuery<GridRequest, Heatmap> gridQuery;
    private final LatestQuery<GridRequest, Heatmap> hitsQuery;
    private double scrollX;
    private boolean followEnd = true;
    private long dragFrom = -1;
    private long dragTo;

    /** A FlameScope grid of the CPU samples of some threads (all if empty), through a frame filter or not. */
    private record GridRequest(ProfileSnapshot snapshot, Set<Integer> threads, int rowsPerSecond, String frameFilter)
            implements SnapshotRequest {
        Heatmap run() {
            return Heatmap.flameScope(snapshot, Selection.cpu().withMeasure(Measure.COUNT).withThreads(threads)
                    .withFrameFilter(frameFilter), rowsPerSecond);
        }
    }

    /** A panel of the control's grid; {@code shown} receives each grid as it is shown (for the title and legend). */
    public FlameScopePanel(FlameScopeHeatmap control, Consumer<Heatmap> shown) {
        this.control = control;
        getStyleClass().add("flamescope-panel");
        gridQuery = control.newQuery(GridRequest::run, (q, grid) -> {
            shown.accept(grid);
            if (followEnd) {
                scrollX = maxScrollX();
            }
            refresh();
        });
        hitsQuery = control.newQuery(GridRequest::run, (q, hits) -> invalidateOverlay());
        followQueries(control);
    }

    private Selection selection() {
        return control.getSelectionModel() == null ? Selection.cpu() : control.getSelectionModel().getSelection();
    }

    /** Asks for the grid of the selection's threads and, once a grid is shown, for the frame filter's cells. */
    @Override
    protected void request() {
        ProfileSnapshot snapshot = control.getSnapshot();
        if (snapshot == null) {
            return;
        }
        Selection selection = selection();
        gridQuery.request(new GridRequest(snapshot, selection.threads(), control.getRowsPerSecond(), null));
        GridRequest shown = gridQuery.resultRequest();
        if (shown != null && selection.frameFilter() != null) {
            hitsQuery.request(new GridRequest(shown.snapshot(), shown.threads(), shown.rowsPerSecond(),
                    selection.frameFilter()));
        }
    }

    /** The grid shown, or null before the first answer. */
    public Heatmap grid() {
        request();
        return gridQuery.result();
    }

    /** The frame filter's cells, shaped as the grid shown, or null. */
    private Heatmap hits() {
        Heatmap grid = gridQuery.result();
        Heatmap hits = hitsQuery.result();
        boolean fits = grid != null && hits != null && hits.rows() == grid.rows() && hits.columns() >= grid.columns();
        return fits && selection().frameFilter() != null ? hits : null;
    }

    /** The data must be repainted (and asked for again if its inputs changed). */
    public void refresh() {
        invalidateData();
        invalidateOverlay();
    }

    /**
     * The shared selection changed: the grid is asked for again (it counts only the selection's
     * threads; a new answer repaints the cells); its range and frame filter are drawn on the overlay.
     */
    public void selectionChanged() {
        requestLayout();
        invalidateOverlay();
    }

    private double rowHeight() {
        return (getHeight() - TOP) / control.getRowsPerSecond();
    }

    /** The control's column width, or wider when all columns fit: then they fill the width. */
    private double columnWidth() {
        Heatmap grid = gridQuery.result();
        int columns = grid == null ? 1 : grid.columns();
        return Math.max(control.getColumnWidth(), Math.floor((getWidth() - LEFT) / columns));
    }

    /** The horizontal scroll offset. */
    public double scrollX() {
        return scrollX;
    }

    /** The largest scroll offset. */
    public double maxScrollX() {
        Heatmap grid = gridQuery.result();
        int columns = grid == null ? 0 : grid.columns();
        return Math.max(0, columns * columnWidth() - (getWidth() - LEFT));
    }

    /** Scrolls to {@code x} (clamped); at the end the view follows new columns. */
    public void scrollTo(double x) {
        double max = maxScrollX();
        scrollX = Math.max(0, Math.min(max, x));
        followEnd = scrollX >= max - 0.5;
        refresh();
    }

    /** The epoch nanos at which the cell under a point starts, or -1 outside the grid. */
    public long cellStartAt(double x, double y) {
        Heatmap g = grid();
        if (g == null || x < LEFT || y < TOP) {
            return -1;
        }
        int c = (int) Math.floor((x - LEFT + scrollX) / columnWidth());
        int r = (int) Math.min(g.rows() - 1, Math.floor((y - TOP) / rowHeight()));
        return c < 0 || c >= g.columns() ? -1 : g.fromNanos() + c * g.columnNanos() + g.rowBounds()[r];
    }

    /** The length of one slot. */
    public long slotNanos() {
        return 1_000_000_000L / control.getRowsPerSecond();
    }

    /** Bounds of the cell holding an epoch time in panel coordinates, or null if not visible. */
    public Bounds cellBounds(long nanos) {
        Heatmap g = grid();
        if (g == null || nanos < g.fromNanos()) {
            return null;
        }
        int c = (int) ((nanos - g.fromNanos()) / g.columnNanos());
        int r = (int) (((nanos - g.fromNanos()) % g.columnNanos()) / slotNanos());
        double x = LEFT + c * columnWidth() - scrollX;
        if (c >= g.columns() || x < LEFT || x + columnWidth() > getWidth()) {
            return null;
        }
        return new BoundingBox(x, TOP + r * rowHeight(), columnWidth(), rowHeight());
    }

    /** The value of the cell holding an epoch time. */
    public long cellValue(long nanos) {
        Heatmap g = grid();
        if (g == null || nanos < g.fromNanos()) {
            return 0;
        }
        int c = (int) ((nanos - g.fromNanos()) / g.columnNanos());
        int r = (int) (((nanos - g.fromNanos()) % g.columnNanos()) / slotNanos());
        return c < g.columns() ? g.value(c, Math.min(g.rows() - 1, r)) : 0;
    }

    /** Shows the cells of a drag from one cell start to another, or none with -1. */
    public void setDrag(long fromCell, long toCell) {
        dragFrom = fromCell;
        dragTo = toCell;
        invalidateOverlay();
    }

    private int firstColumn() {
        return (int) Math.floor(scrollX / columnWidth());
    }

    private int lastColumn(double width) {
        return (int) Math.ceil((scrollX + width - LEFT) / columnWidth());
    }

    @Override
    protected void paintData(GraphicsContext gc, double width, double height) {
        Heatmap g = gridQuery.result();
        if (g == null) {
            return;
        }
        scrollX = Math.min(scrollX, maxScrollX());
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, TOP, width - LEFT, height - TOP);
        gc.clip();
        Cells.paint(gc, g, firstColumn(), lastColumn(width), LEFT - scrollX, columnWidth(), TOP, rowHeight(), false,
                colours().dark(), g.rows());
        gc.restore();
    }

    @Override
    protected void paintAxes(GraphicsContext gc, double width, double height) {
        Heatmap g = gridQuery.result();
        if (g == null) {
            return;
        }
        gc.setFont(Fonts.SMALL);
        gc.setFill(colours().textColour());
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        int rows = g.rows();
        int step = Math.max(1, (int) Math.ceil(14 / rowHeight()));
        step = rows % 10 == 0 && step <= rows / 5 ? Math.max(step, rows / 5) : step;
        for (int r = 0; r < rows; r += step) {
            gc.fillText(g.rowBounds()[r] / 1_000_000 + " ms", LEFT - 4, TOP + (r + 0.5) * rowHeight());
        }
        gc.setTextAlign(TextAlignment.CENTER);
        int every = Math.max(1, (int) Math.ceil(36 / columnWidth()));
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, 0, width - LEFT, TOP);
        gc.clip();
        for (int c = firstColumn(); c < Math.min(g.columns(), lastColumn(width)); c++) {
            if (c % every == 0) {
                gc.fillText(c + " s", LEFT + (c + 0.5) * columnWidth() - scrollX, TOP / 2);
            }
        }
        gc.restore();
    }

    @Override
    protected void paintOverlay(GraphicsContext gc, double width, double height) {
        Heatmap g = gridQuery.result();
        if (g == null) {
            return;
        }
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, TOP, width - LEFT, height - TOP);
        gc.clip();
        Heatmap h = hits();
        if (h != null) {
            gc.setStroke(Palettes.HIGHLIGHT);
            gc.setLineWidth(2);
            forCells(width, (c, r) -> h.value(c, r) > 0, (x, y, w, hh) -> gc.strokeRect(x + 1, y + 1, w - 2, hh - 2));
        }
        Selection selection = control.getSelectionModel() == null ? null : control.getSelectionModel().getSelection();
        long from = dragFrom >= 0 ? Math.min(dragFrom, dragTo)
                : selection == null ? Long.MIN_VALUE : selection.fromNanos();
        long to = dragFrom >= 0 ? Math.max(dragFrom, dragTo) + slotNanos()
                : selection == null ? Long.MAX_VALUE : selection.toNanos();
        if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) {
            gc.setFill(Palettes.SELECTION_FILL.deriveColor(0, 1, 1, 2.5));
            gc.setStroke(Palettes.SELECTION_EDGE);
            gc.setLineWidth(1.5);
            long slot = slotNanos();
            forCells(width, (c, r) -> {
                long start = g.fromNanos() + c * g.columnNanos() + g.rowBounds()[r];
                return start + slot > from && start < to;
            }, (x, y, w, hh) -> {
                gc.fillRect(x, y, w, hh);
                gc.strokeRect(x + 0.75, y + 0.75, w - 1.5, hh - 1.5);
            });
        }
        gc.restore();
    }

    private interface CellTest {
        boolean test(int column, int row);
    }

    private interface CellPainter {
        void paint(double x, double y, double w, double h);
    }

    private void forCells(double width, CellTest test, CellPainter painter) {
        Heatmap g = gridQuery.result();
        double rh = rowHeight();
        for (int c = Math.max(0, firstColumn()); c < Math.min(g.columns(), lastColumn(width)); c++) {
            double x = Math.floor(LEFT + c * columnWidth() - scrollX);
            double w = Math.floor(LEFT + (c + 1) * columnWidth() - scrollX) - x;
            for (int r = 0; r < g.rows(); r++) {
                if (test.test(c, r)) {
                    double y = Math.floor(TOP + r * rh);
                    painter.paint(x, y, w, Math.max(1, Math.floor(TOP + (r + 1) * rh) - y));
                }
            }
        }
    }
}
