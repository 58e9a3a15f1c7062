package dev.vitals.views.timeline;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeControl;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.internal.MarkerLayer;
import dev.vitals.views.timeline.internal.LaneRows;
import dev.vitals.views.timeline.internal.TimelinePanel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.Skin;

/**
 * The thread-state timeline: one lane per thread on the shared {@link TimeAxis}, coloured by state,
 * with GC pause and safepoint markers across all lanes. Lanes are grouped by name
 * ({@link #groupPatternProperty()}), sortable ({@link #laneSortProperty()}) and filtered by name
 * ({@link #filterProperty()}). Ctrl+wheel or +/− zooms, Shift+drag, a drag on the axis or ←/→ pans,
 * Home shows everything; a drag across the lanes selects that time range and those lanes' threads
 * in the {@link SelectionModel}; the selection's frame filter is highlighted where its samples
 * occur. Alt+←/→ and Esc walk and clear the selection history.
 */
public class ThreadTimeline extends TimeControl {
    /** The default grouping: the name without a trailing number ("worker-2" → "worker"). */
    public static final String DEFAULT_GROUP_PATTERN = "[-#_ ]*\\d+$";

    private final ObjectProperty<LaneSort> laneSort = new SimpleObjectProperty<>(this, "laneSort", LaneSort.ACTIVITY);
    private final StringProperty groupPattern = new SimpleStringProperty(this, "groupPattern", DEFAULT_GROUP_PATTERN);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableSet<String> collapsedGroups = FXCollections.observableSet();

    public ThreadTimeline() {
        getStyleClass().add("thread-timeline");
        setFocusTraversable(true);
    }

    public ThreadTimeline(ProfileSnapshot snapshot, SelectionModel selectionModel, TimeAxis timeAxis) {
        this();
        setSnapshot(snapshot);
        setSelectionModel(selectionModel);
        setTimeAxis(timeAxis);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ThreadTimelineSkin(this);
    }

    /** The lane order. */
    public ObjectProperty<LaneSort> laneSortProperty() {
        return laneSort;
    }

    public LaneSort getLaneSort() {
        return laneSort.get();
    }

    public void setLaneSort(LaneSort value) {
        laneSort.set(value);
    }

    /** A regex removed from thread names to find their group; empty for no groups. */
    public StringProperty groupPatternProperty() {
        return groupPattern;
    }

    public String getGroupPattern() {
        return groupPattern.get();
    }

    public void setGroupPattern(String value) {
        groupPattern.set(value);
    }

    /** Only lanes whose name contains this text (ignoring case) are shown. */
    public StringProperty filterProperty() {
        return filter;
    }

    public String getFilter() {
        return filter.get();
    }

    public void setFilter(String value) {
        filter.set(value);
    }

    /** The groups shown as one collapsed row. */
    public ObservableSet<String> getCollapsedGroups() {
        return collapsedGroups;
    }

    private ThreadTimelineSkin skin() {
        return getSkin() instanceof ThreadTimelineSkin s ? s : null;
    }

    /** The tab of a marker in this control's coordinates, or {@code null} if it is not shown. */
    public Bounds markerBounds(TimeMarker marker) {
        ThreadTimelineSkin s = skin();
        Bounds tab = s == null ? null : MarkerLayer.tab(marker, s.panel().markerPlot());
        return tab == null ? null : sceneToLocal(s.panel().localToScene(tab));
    }

    /** The names of the rows shown, top to bottom (a group header as its group name followed by "/"). */
    public List<String> rowNames() {
        ThreadTimelineSkin s = skin();
        return s == null ? List.of() : s.panel().rows().stream()
                .map(r -> r.header() ? r.group() + "/" : r.lane().name()).toList();
    }

    /**
     * The bounds of the lane of a thread (or of the collapsed group holding it) in this control's
     * coordinates, or {@code null} if it is not shown.
     */
    public Bounds laneBounds(String threadName) {
        ThreadTimelineSkin s = skin();
        if (s == null) {
            return null;
        }
        List<LaneRows.Row> rows = s.panel().rows();
        for (int r = 0; r < rows.size(); r++) {
            LaneRows.Row row = rows.get(r);
            boolean collapsedGroup = row.header() && collapsedGroups.contains(row.group());
            boolean holds = row.members().stream().anyMatch(l -> l.name().equals(threadName));
            if ((!row.header() || collapsedGroup) && holds) {
                double top = s.panel().rowTop(r);
                return sceneToLocal(s.panel().localToScene(
                        new BoundingBox(0, top, s.panel().getWidth(), TimelinePanel.ROW_HEIGHT)));
            }
        }
        return null;
    }

    /** The names of the threads whose lanes show the frame filter's highlight in the visible range. */
    public Set<String> highlightedThreads() {
        ThreadTimelineSkin s = skin();
        Set<String> names = new TreeSet<>();
        if (s != null) {
            s.panel().hits().forEach((thread, bins) -> {
                if (!bins.isEmpty()) {
                    names.add(getSnapshot().threads().name(thread));
                }
            });
        }
        return names;
    }

    /** The text the hover tooltip shows for a point in this control, or {@code null}. */
    public String tooltipAt(double x, double y) {
        ThreadTimelineSkin s = skin();
        if (s == null) {
            return null;
        }
        var p = s.panel().sceneToLocal(localToScene(x, y));
        return s.panel().describe(p.getX(), p.getY());
    }
}
