package dev.vitals.views.timeline.internal;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.ThreadState;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.ThreadLanes;
import dev.vitals.views.SnapshotRequest;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.LatestQuery;
import dev.vitals.views.TimeRange;
import dev.vitals.views.internal.Fonts;
import dev.vitals.views.internal.LayeredCanvas;
import dev.vitals.views.internal.MarkerLayer;
import dev.vitals.views.internal.PauseShading;
import dev.vitals.views.internal.Palettes;
import dev.vitals.views.internal.TimeTicks;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The timeline's canvas: lane names on the left, one row per lane (or collapsed group) of state
 * runs binned to the pixel width ({@link ThreadLanes}), GC pause and VM-operation (safepoint) markers
 * across all lanes, the time axis on top, and on the overlay the selection, the drag rectangle, the
 * hovered lane, the frame filter's hits and the control's markers. The lanes and markers, and the hits, are two queries of
 * the control ({@link LatestQuery}), asked again when the snapshot, the visible range, the width or
 * the frame filter change; until a new answer arrives the last one is drawn, its bins mapped onto the
 * visible range. Rows all have the same height; the rows shown start at {@link #scrollY()}.
 */
public final class TimelinePanel extends LayeredCanvas {
    /** Height of the time axis. */
    public static final double AXIS_HEIGHT = 22;
    /** Height of a row. */
    public static final double ROW_HEIGHT = 18;
    /** Width of the lane-name column. */
    public static final double LABEL_WIDTH = 160;
    /** Interval types drawn as markers across every lane: GC pauses and safepoint operations. */
    public static final List<String> MARKER_TYPES = List.of("jdk.GCPhasePause", "jdk.SafepointBegin",
            "jdk.ExecuteVMOperation");
    private static final Color SELECTED_LABEL = Color.rgb(0x30, 0x70, 0xe0, 0.22);
    private static final ThreadState[] STATES = ThreadState.values();
    /** The most markers of one type drawn. */
    private static final int MARKERS = 10_000;

    private final ThreadTimeline control;
    private final LatestQuery<LanesRequest, Lanes> lanesQuery;
    private final LatestQuery<HitsRequest, Map<Integer, BitSet>> hitsQuery;
    private List<LaneRows.Row> rows = List.of();
    private boolean rowsDirty = true;
    private double scrollY;
    private int hoverRow = -1;
    private double dragFromX = Double.NaN;
    private double dragToX;
    private List<TimeMarker> markers = List.of();

    /** What the lanes are computed for: the snapshot, the visible range and the lane width in pixels. */
    private record LanesRequest(ProfileSnapshot snapshot, long fromNanos, long toNanos, int width)
            implements SnapshotRequest {
        Lanes run() {
            ThreadLanes lanes = ThreadLanes.compute(snapshot, Selection.cpu(), fromNanos, toNanos, width);
            long reach = snapshot.intervals().maxDuration();
            List<EventList.Row> markers = new ArrayList<>();
            for (String type : MARKER_TYPES) {
                markers.addAll(EventList.of(snapshot, Selection.of(new EventSelector.OfType(type))
                        .withRange(fromNanos - reach, toNanos), MARKERS).rows());
            }
            return new Lanes(lanes, List.copyOf(markers));
        }
    }

    /** The lanes binned to pixels and the GC pause and VM-operation markers of the range. */
    private record Lanes(ThreadLanes lanes, List<EventList.Row> markers) {
    }

    /** Where a frame filter's samples occur, binned as the lanes shown. */
    private record HitsRequest(ProfileSnapshot snapshot, long fromNanos, long toNanos, int width, Selection filter)
            implements SnapshotRequest {
        Map<Integer, BitSet> run() {
            return ThreadLanes.hits(snapshot, filter, fromNanos, toNanos, width);
        }
    }

    public TimelinePanel(ThreadTimeline control) {
        this.control = control;
        getStyleClass().add("timeline-panel");
        lanesQuery = control.newQuery(LanesRequest::run, (q, r) -> invalidateRows());
        hitsQuery = control.newQuery(HitsRequest::run, (q, r) -> invalidateOverlay());
        followQueries(control);
    }

    /** The markers drawn over the lanes; repaints the overlay. */
    public void setMarkers(List<TimeMarker> newMarkers) {
        markers = newMarkers;
        invalidateOverlay();
    }

    /** Where markers go: over the lanes, their tabs just below the time axis. */
    public MarkerLayer.Plot markerPlot() {
        return new MarkerLayer.Plot(control.getTimeAxis() == null ? null : control.getTimeAxis().getVisible(),
                LABEL_WIDTH, laneWidth(), AXIS_HEIGHT, Math.floor(getHeight()));
    }

    /** The marker whose tab is at a point, or null. */
    public TimeMarker markerAt(double x, double y) {
        return MarkerLayer.at(markers, markerPlot(), x, y);
    }

    /** The rows as last laid out. */
    public List<LaneRows.Row> rows() {
        request();
        ensureRows();
        return rows;
    }

    /** The lane data shown, or null before the first answer. */
    public ThreadLanes lanes() {
        request();
        Lanes shown = lanesQuery.result();
        return shown == null ? null : shown.lanes();
    }

    /** Where the frame filter's samples occur per thread, binned as the lanes shown. */
    public Map<Integer, BitSet> hits() {
        request();
        Map<Integer, BitSet> hits = hitsQuery.result();
        return hits == null || frameFilter() == null ? Map.of() : hits;
    }

    /** The lane area's width in pixels: one bin per pixel. */
    public int laneWidth() {
        return (int) Math.max(1, Math.floor(getWidth()) - LABEL_WIDTH);
    }

    /** Rows must be rebuilt (sort, filter, grouping, collapsed groups or the lanes changed). */
    public void invalidateRows() {
        rowsDirty = true;
        invalidateData();
        invalidateOverlay();
    }

    /** The vertical scroll offset in pixels. */
    public double scrollY() {
        return scrollY;
    }

    /** The largest useful scroll offset. */
    public double maxScrollY() {
        return Math.max(0, rows().size() * ROW_HEIGHT - (getHeight() - AXIS_HEIGHT));
    }

    /** Scrolls the rows to {@code y}, clamped. */
    public void scrollTo(double y) {
        double clamped = Math.max(0, Math.min(maxScrollY(), y));
        if (clamped != scrollY) {
            scrollY = clamped;
            invalidateData();
            invalidateOverlay();
        }
    }

    /**
     * Scrolls so that the first row holding one of {@code threads} (model thread indices) is in
     * view, when it is not; nothing for no threads or none shown.
     */
    public void reveal(Set<Integer> threads) {
        if (threads.isEmpty()) {
            return;
        }
        List<LaneRows.Row> all = rows();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).members().stream().anyMatch(l -> threads.contains(l.threadIndex()))) {
                double top = i * ROW_HEIGHT;
                if (top < scrollY || top + ROW_HEIGHT > scrollY + getHeight() - AXIS_HEIGHT) {
                    scrollTo(top);
                }
                return;
            }
        }
    }

    /** The row index at {@code y}, or -1. */
    public int rowAt(double y) {
        if (y < AXIS_HEIGHT) {
            return -1;
        }
        int row = (int) Math.floor((y - AXIS_HEIGHT + scrollY) / ROW_HEIGHT);
        return row < rows().size() ? row : -1;
    }

    /** The y of the top of a row. */
    public double rowTop(int row) {
        return AXIS_HEIGHT + row * ROW_HEIGHT - scrollY;
    }

    /** The time at {@code x}, clamped into the visible range. */
    public long timeAt(double x) {
        TimeRange range = control.getTimeAxis().getVisible();
        double lx = Math.max(0, Math.min(laneWidth(), x - LABEL_WIDTH));
        return range.time(lx, laneWidth());
    }

    /** Sets the hovered row (-1 for none). */
    public void setHoverRow(int row) {
        if (row != hoverRow) {
            hoverRow = row;
            invalidateOverlay();
        }
    }

    /** Shows a drag rectangle between two x positions, or hides it with NaN. */
    public void setDrag(double fromX, double toX) {
        dragFromX = fromX;
        dragToX = toX;
        invalidateOverlay();
    }

    private Selection selection() {
        return control.getSelectionModel() == null ? null : control.getSelectionModel().getSelection();
    }

    private String frameFilter() {
        Selection selection = selection();
        return selection == null ? null : selection.frameFilter();
    }

    /** Asks for the lanes of the visible range and, once lanes are shown, the frame filter's hits in them. */
    @Override
    protected void request() {
        ProfileSnapshot snapshot = control.getSnapshot();
        if (snapshot == null || control.getTimeAxis() == null) {
            return;
        }
        TimeRange range = control.getTimeAxis().getVisible();
        lanesQuery.request(new LanesRequest(snapshot, range.fromNanos(), range.toNanos(), laneWidth()));
        Lanes shown = lanesQuery.result();
        Selection selection = selection();
        if (shown != null && selection != null && selection.frameFilter() != null) {
            Selection filter = Selection.cpu().withFrameFilter(selection.frameFilter());
            for (var t : selection.transforms()) {
                filter = filter.push(t);
            }
            ThreadLanes lanes = shown.lanes();
            hitsQuery.request(new HitsRequest(lanesQuery.resultRequest().snapshot(), lanes.fromNanos(), lanes.toNanos(),
                    lanes.width(), filter));
        }
    }

    private void ensureRows() {
        Lanes shown = lanesQuery.result();
        if (shown == null) {
            rows = List.of();
            return;
        }
        if (rowsDirty) {
            rowsDirty = false;
            rows = LaneRows.build(shown.lanes().lanes(), control.getLaneSort(), control.getGroupPattern(),
                    control.getFilter(), control.getCollapsedGroups());
            scrollY = Math.max(0, Math.min(scrollY, rows.size() * ROW_HEIGHT - (getHeight() - AXIS_HEIGHT)));
        }
    }

    /**
     * Maps the bins of the lanes shown onto the visible range: they may be of an earlier range while
     * the answer for the current one is computed, so the picture stays where it was.
     */
    private void toLaneBins(GraphicsContext gc, ThreadLanes lanes) {
        TimeRange range = control.getTimeAxis().getVisible();
        int width = laneWidth();
        double left = range.x(lanes.fromNanos(), width);
        double right = range.x(lanes.toNanos(), width);
        gc.beginPath();
        gc.rect(LABEL_WIDTH, 0, width, getHeight());
        gc.clip();
        gc.translate(LABEL_WIDTH + left, 0);
        gc.scale((right - left) / lanes.width(), 1);
    }

    @Override
    protected void paintData(GraphicsContext gc, double width, double height) {
        ensureRows();
        Lanes shown = lanesQuery.result();
        if (shown == null) {
            return;
        }
        int first = Math.max(0, (int) (scrollY / ROW_HEIGHT));
        int last = Math.min(rows.size(), (int) Math.ceil((scrollY + height - AXIS_HEIGHT) / ROW_HEIGHT));
        byte[] merged = new byte[shown.lanes().width()];
        gc.save();
        toLaneBins(gc, shown.lanes());
        for (int r = first; r < last; r++) {
            LaneRows.Row row = rows.get(r);
            double y = Math.round(rowTop(r));
            byte[] states = row.header() ? merge(row.members(), merged) : row.lane().states();
            paintStates(gc, states, y + 2, ROW_HEIGHT - 4);
        }
        gc.restore();
        paintMarkers(gc, shown.markers(), height);
    }

    /** Per bin, the highest-priority (lowest ordinal) state of the members. */
    private static byte[] merge(List<ThreadLanes.Lane> members, byte[] out) {
        Arrays.fill(out, (byte) -1);
        for (ThreadLanes.Lane lane : members) {
            byte[] s = lane.states();
            for (int x = 0; x < out.length; x++) {
                if (s[x] >= 0 && (out[x] < 0 || s[x] < out[x])) {
                    out[x] = s[x];
                }
            }
        }
        return out;
    }

    /** Draws runs of equal state as one rectangle each, bin x at x. */
    private static void paintStates(GraphicsContext gc, byte[] states, double y, double h) {
        int x = 0;
        while (x < states.length) {
            byte s = states[x];
            int end = x + 1;
            while (end < states.length && states[end] == s) {
                end++;
            }
            if (s >= 0) {
                gc.setFill(Palettes.state(STATES[s]));
                gc.fillRect(x, y, end - x, h);
            }
            x = end;
        }
    }

    private void paintMarkers(GraphicsContext gc, List<EventList.Row> markers, double height) {
        PauseShading.paint(gc, markers, control.getTimeAxis().getVisible(), LABEL_WIDTH, AXIS_HEIGHT, laneWidth(),
                height - AXIS_HEIGHT);
    }

    @Override
    protected void paintAxes(GraphicsContext gc, double width, double height) {
        ensureRows();
        if (lanesQuery.result() == null) {
            return;
        }
        TimeTicks.paint(gc, colours(), control.getTimeAxis().getVisible(), control.getSnapshot().info().startNanos(), LABEL_WIDTH,
                laneWidth(), AXIS_HEIGHT, height);
        gc.setFill(colours().axisBackgroundColour());
        gc.fillRect(0, AXIS_HEIGHT, LABEL_WIDTH, height - AXIS_HEIGHT);
        gc.setFont(Fonts.SMALL);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.save();
        gc.beginPath();
        gc.rect(0, AXIS_HEIGHT, LABEL_WIDTH - 4, height - AXIS_HEIGHT);
        gc.clip();
        int first = Math.max(0, (int) (scrollY / ROW_HEIGHT));
        int last = Math.min(rows.size(), (int) Math.ceil((scrollY + height - AXIS_HEIGHT) / ROW_HEIGHT));
        for (int r = first; r < last; r++) {
            LaneRows.Row row = rows.get(r);
            double y = rowTop(r) + ROW_HEIGHT / 2;
            gc.setFill(colours().textColour());
            if (row.header()) {
                boolean collapsed = control.getCollapsedGroups().contains(row.group());
                String arrow = collapsed ? "\u25b6 " : "\u25bc ";
                gc.fillText(arrow + row.group() + " (" + row.members().size() + ")", 4, y);
            } else {
                gc.fillText(row.lane().name(), row.members().size() == 1 && isGrouped(r) ? 18 : 6, y);
            }
        }
        gc.restore();
        gc.setStroke(colours().gridColour());
        gc.strokeLine(LABEL_WIDTH - 0.5, AXIS_HEIGHT, LABEL_WIDTH - 0.5, height);
    }

    private boolean isGrouped(int row) {
        String group = rows.get(row).group();
        for (int r = row - 1; r >= 0 && rows.get(r).group().equals(group); r--) {
            if (rows.get(r).header()) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void paintOverlay(GraphicsContext gc, double width, double height) {
        ensureRows();
        Lanes shown = lanesQuery.result();
        if (shown == null) {
            return;
        }
        TimeRange range = control.getTimeAxis().getVisible();
        int laneWidth = laneWidth();
        Selection selection = selection();
        Map<Integer, BitSet> hits = hits();
        int first = Math.max(0, (int) (scrollY / ROW_HEIGHT));
        int last = Math.min(rows.size(), (int) Math.ceil((scrollY + height - AXIS_HEIGHT) / ROW_HEIGHT));
        for (int r = first; r < last; r++) {
            LaneRows.Row row = rows.get(r);
            double y = rowTop(r);
            if (r == hoverRow) {
                gc.setFill(colours().textColour().deriveColor(0, 1, 1, 0.08));
                gc.fillRect(0, y, width, ROW_HEIGHT);
            }
            if (selection != null && !selection.threads().isEmpty()
                    && row.members().stream().anyMatch(l -> selection.threads().contains(l.threadIndex()))) {
                gc.setFill(SELECTED_LABEL);
                gc.fillRect(0, y, LABEL_WIDTH, ROW_HEIGHT);
            }
            paintHits(gc, row, y, hits, shown.lanes());
        }
        if (selection != null && (selection.fromNanos() != Long.MIN_VALUE || selection.toNanos() != Long.MAX_VALUE)) {
            double x0 = Math.max(0, range.x(Math.max(selection.fromNanos(), range.fromNanos()), laneWidth));
            double x1 = Math.min(laneWidth, range.x(Math.min(selection.toNanos(), range.toNanos()), laneWidth));
            if (x1 > x0) {
                shade(gc, LABEL_WIDTH + x0, LABEL_WIDTH + x1, height);
            }
        }
        if (!Double.isNaN(dragFromX)) {
            shade(gc, Math.min(dragFromX, dragToX), Math.max(dragFromX, dragToX), height);
        }
        MarkerLayer.paint(gc, markers, markerPlot());
    }

    private void paintHits(GraphicsContext gc, LaneRows.Row row, double y, Map<Integer, BitSet> hits,
                           ThreadLanes lanes) {
        BitSet bins = new BitSet();
        for (ThreadLanes.Lane lane : row.members()) {
            BitSet laneHits = hits.get(lane.threadIndex());
            if (laneHits != null) {
                bins.or(laneHits);
            }
        }
        if (bins.isEmpty()) {
            return;
        }
        gc.setFill(Palettes.HIGHLIGHT);
        gc.fillRect(LABEL_WIDTH - 6, y + 3, 4, ROW_HEIGHT - 6);
        gc.save();
        toLaneBins(gc, lanes);
        for (int x = bins.nextSetBit(0); x >= 0; ) {
            int end = bins.nextClearBit(x);
            gc.fillRect(x, y + ROW_HEIGHT - 4, end - x, 3);
            gc.fillRect(x, y, end - x, 2);
            x = bins.nextSetBit(end);
        }
        gc.restore();
    }

    private void shade(GraphicsContext gc, double x0, double x1, double height) {
        gc.setFill(Palettes.SELECTION_FILL);
        gc.fillRect(x0, AXIS_HEIGHT, Math.max(1, x1 - x0), height - AXIS_HEIGHT);
        gc.setStroke(Palettes.SELECTION_EDGE);
        gc.strokeLine(Math.round(x0) + 0.5, AXIS_HEIGHT, Math.round(x0) + 0.5, height);
        gc.strokeLine(Math.round(x1) - 0.5, AXIS_HEIGHT, Math.round(x1) - 0.5, height);
    }

    /** The threads of the rows between two y positions (inclusive), members of collapsed groups included. */
    public Set<Integer> threadsBetween(double y0, double y1) {
        int a = rowAt(Math.max(AXIS_HEIGHT, Math.min(y0, y1)));
        int b = rowAt(Math.max(y0, y1));
        if (a < 0) {
            return Set.of();
        }
        b = b < 0 ? rows().size() - 1 : b;
        Set<Integer> threads = new TreeSet<>();
        for (int r = a; r <= b; r++) {
            rows.get(r).members().forEach(l -> threads.add(l.threadIndex()));
        }
        return threads;
    }

    /** The tooltip text for a point: thread, state, its run around the point, the nearest sample's stack. */
    public String describe(double x, double y) {
        TimeMarker marker = markerAt(x, y);
        if (marker != null) {
            return marker.label();
        }
        int r = rowAt(y);
        Lanes shown = lanesQuery.result();
        if (r < 0 || x < LABEL_WIDTH || shown == null) {
            return null;
        }
        LaneRows.Row row = rows.get(r);
        if (row.header()) {
            return row.group() + ": " + row.members().size() + " threads";
        }
        byte[] states = row.lane().states();
        TimeRange binned = new TimeRange(shown.lanes().fromNanos(), shown.lanes().toNanos());
        long at = control.getTimeAxis().getVisible().time(x - LABEL_WIDTH, laneWidth());
        int bin = (int) Math.min(states.length - 1, Math.floor(binned.x(at, states.length)));
        if (bin < 0 || states[bin] < 0) {
            return row.lane().name() + "\nno state known here";
        }
        int lo = bin;
        int hi = bin + 1;
        while (lo > 0 && states[lo - 1] == states[bin]) {
            lo--;
        }
        while (hi < states.length && states[hi] == states[bin]) {
            hi++;
        }
        long origin = control.getSnapshot().info().startNanos();
        long start = binned.time(lo, states.length);
        long end = binned.time(hi, states.length);
        StringBuilder text = new StringBuilder(row.lane().name()).append('\n')
                .append(STATES[states[bin]].name().toLowerCase()).append("  ")
                .append(TimeTicks.offset(start - origin)).append(" – ").append(TimeTicks.offset(end - origin))
                .append(" (").append(TimeTicks.duration(end - start)).append(')');
        List<String> stack = nearestStack(row.lane().threadIndex(), at);
        if (!stack.isEmpty()) {
            text.append("\nnearest sample:");
            stack.forEach(f -> text.append("\n  ").append(f));
        }
        return text.toString();
    }

    private List<String> nearestStack(int thread, long time) {
        ProfileSnapshot snapshot = control.getSnapshot();
        long reach = 4 * ThreadLanes.SAMPLE_NANOS;
        EventList near = EventList.of(snapshot, Selection.cpu().withThreads(Set.of(thread))
                .withRange(time - reach, time + reach), 64);
        EventList.Row best = null;
        for (EventList.Row row : near.rows()) {
            if (row.stackIndex() >= 0
                    && (best == null || Math.abs(row.startNanos() - time) < Math.abs(best.startNanos() - time))) {
                best = row;
            }
        }
        return best == null ? List.of() : EventList.frames(snapshot, best.stackIndex(), 12);
    }
}
