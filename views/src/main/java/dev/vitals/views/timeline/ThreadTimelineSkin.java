package dev.vitals.views.timeline;

import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.internal.InteractiveControls;
import dev.vitals.views.internal.Legends;
import dev.vitals.views.internal.NestedListener;
import dev.vitals.views.timeline.internal.TimelinePanel;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The timeline's look: a bar with the lane filter, the sort order and the state legend above a
 * {@link TimelinePanel} with a vertical scroll bar. Listens to the snapshot, the time axis and the
 * selection and tells the panel which layers to repaint: the selection and the frame filter touch
 * only the overlay.
 */
public class ThreadTimelineSkin extends SkinBase<ThreadTimeline> {
    private final TimelinePanel panel;
    private final ScrollBar scrollBar = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private final ThreadTimelineBehavior behavior;
    private final InvalidationListener axisMoved;
    private final InvalidationListener selectionChanged;
    /** The selection's threads when it last changed: a new set scrolls to its first lane. */
    private Set<Integer> selectedThreads = Set.of();
    private final SetChangeListener<String> collapsedChanged;
    private final NestedListener<TimeAxis> axisFollower;
    private final NestedListener<SelectionModel> selectionFollower;

    public ThreadTimelineSkin(ThreadTimeline control) {
        super(control);
        panel = new TimelinePanel(control);
        TextField filter = new TextField();
        filter.setPromptText("Filter threads");
        filter.setPrefColumnCount(14);
        filter.textProperty().bindBidirectional(control.filterProperty());
        ChoiceBox<LaneSort> sort = new ChoiceBox<>();
        sort.getItems().setAll(LaneSort.values());
        sort.valueProperty().bindBidirectional(control.laneSortProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label sortLabel = new Label("Sort");
        InteractiveControls.mark(filter, sortLabel, sort);
        HBox bar = new HBox(6, filter, sortLabel, sort, spacer, Legends.states());
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 4, 3, 4));
        bar.setMinWidth(0);
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.valueProperty().addListener((obs, was, is) -> panel.scrollTo(is.doubleValue()));
        tooltip.setShowDelay(Duration.millis(200));
        tooltip.setHideDelay(Duration.ZERO);
        getChildren().add(new BorderPane(panel, bar, scrollBar, null, null));

        axisMoved = o -> {
            panel.invalidateData();
            panel.invalidateOverlay();
        };
        selectionChanged = o -> {
            panel.invalidateOverlay();
            Set<Integer> threads = control.getSelectionModel() == null ? Set.of()
                    : control.getSelectionModel().getSelection().threads();
            if (!threads.equals(selectedThreads)) {
                selectedThreads = threads;
                panel.reveal(threads);
            }
        };
        collapsedChanged = c -> panel.invalidateRows();
        axisFollower = new NestedListener<>(control.timeAxisProperty(), TimeAxis::visibleProperty, axisMoved,
                () -> axisMoved.invalidated(null));
        selectionFollower = new NestedListener<>(control.selectionModelProperty(), SelectionModel::selectionProperty,
                selectionChanged, () -> panel.invalidateOverlay());
        control.getCollapsedGroups().addListener(collapsedChanged);
        registerChangeListener(control.snapshotProperty(), o -> panel.invalidateRows());
        registerChangeListener(control.laneSortProperty(), o -> panel.invalidateRows());
        registerChangeListener(control.groupPatternProperty(), o -> panel.invalidateRows());
        registerChangeListener(control.filterProperty(), o -> panel.invalidateRows());
        registerChangeListener(control.markersProperty(), o -> panel.setMarkers(control.getMarkers()));
        panel.setMarkers(control.getMarkers());
        behavior = new ThreadTimelineBehavior(control, this);
    }

    /** The canvas panel. */
    TimelinePanel panel() {
        return panel;
    }

    /** Shows the hover tooltip for a panel point, or hides it. */
    void showTooltip(double x, double y) {
        String text = panel.describe(x, y);
        if (text == null) {
            tooltip.hide();
            return;
        }
        tooltip.setText(text);
        var screen = panel.localToScreen(x, y);
        if (screen != null) {
            tooltip.show(panel, screen.getX() + 14, screen.getY() + 14);
        }
    }

    void hideTooltip() {
        tooltip.hide();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        double max = panel.maxScrollY();
        scrollBar.setMax(max);
        scrollBar.setVisibleAmount(Math.max(1, panel.getHeight() - TimelinePanel.AXIS_HEIGHT));
        scrollBar.setValue(Math.min(max, panel.scrollY()));
    }

    @Override
    public void dispose() {
        ThreadTimeline control = getSkinnable();
        if (control == null) {
            return;
        }
        axisFollower.dispose();
        selectionFollower.dispose();
        control.getCollapsedGroups().removeListener(collapsedChanged);
        behavior.dispose();
        tooltip.hide();
        super.dispose();
    }
}
