package dev.vitals.views.timeline;

import dev.vitals.model.query.Selection;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.TimeRange;
import dev.vitals.views.timeline.internal.LaneRows;
import dev.vitals.views.timeline.internal.TimelinePanel;
import javafx.event.EventHandler;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.Set;

/**
 * The timeline's input. Mouse: Ctrl+wheel zooms at the pointer, Shift+wheel pans, the wheel
 * scrolls the lanes; a drag on the axis or with Shift pans; a drag across the lanes selects its
 * time range and the threads of the lanes it crossed; a click on a group header collapses or
 * expands it; hovering shows the tooltip. Keys (not while typing in the filter box): +/− zoom, ←/→
 * pan, Home shows everything, ↑/↓ scroll;
 * Alt+←/→ and Esc go to the {@link SelectionModel}.
 */
final class ThreadTimelineBehavior {
    private static final double DRAG_THRESHOLD = 3;
    private static final double WHEEL_ZOOM = 0.85;

    private final ThreadTimeline control;
    private final ThreadTimelineSkin skin;
    private final TimelinePanel panel;
    private final EventHandler<KeyEvent> keys = this::keyPressed;
    private final EventHandler<KeyEvent> selectionKeys = this::selectionKey;
    private double pressX;
    private double pressY;
    private double lastX;
    private boolean panning;
    private boolean dragging;
    /** The marker under the pointer when the button went down: live, another may arrive there before the release. */
    private TimeMarker pressedMarker;

    ThreadTimelineBehavior(ThreadTimeline control, ThreadTimelineSkin skin) {
        this.control = control;
        this.skin = skin;
        this.panel = skin.panel();
        panel.setOnScroll(this::scrolled);
        panel.setOnMousePressed(this::pressed);
        panel.setOnMouseDragged(this::dragged);
        panel.setOnMouseReleased(this::released);
        panel.setOnMouseMoved(e -> {
            panel.setHoverRow(panel.rowAt(e.getY()));
            skin.showTooltip(e.getX(), e.getY());
        });
        panel.setOnMouseExited(e -> {
            panel.setHoverRow(-1);
            skin.hideTooltip();
        });
        control.addEventHandler(KeyEvent.KEY_PRESSED, keys);
        control.addEventHandler(KeyEvent.KEY_PRESSED, selectionKeys);
    }

    void dispose() {
        control.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
        control.removeEventHandler(KeyEvent.KEY_PRESSED, selectionKeys);
        panel.setOnScroll(null);
        panel.setOnMousePressed(null);
        panel.setOnMouseDragged(null);
        panel.setOnMouseReleased(null);
        panel.setOnMouseMoved(null);
        panel.setOnMouseExited(null);
    }

    private TimeAxis axis() {
        return control.getTimeAxis();
    }

    private void scrolled(ScrollEvent e) {
        if (axis() == null) {
            return;
        }
        if (e.isControlDown() || e.isShortcutDown()) {
            axis().zoom(Math.pow(WHEEL_ZOOM, e.getDeltaY() / 40), panel.timeAt(e.getX()));
        } else if (e.isShiftDown()) {
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            axis().pan(-Math.round(dx * nanosPerPixel()));
        } else {
            panel.scrollTo(panel.scrollY() - e.getDeltaY());
            control.requestLayout();
        }
        e.consume();
    }

    private double nanosPerPixel() {
        return (double) axis().getVisible().length() / panel.laneWidth();
    }

    private void pressed(MouseEvent e) {
        control.requestFocus();
        skin.hideTooltip();
        pressX = e.getX();
        pressY = e.getY();
        lastX = e.getX();
        dragging = false;
        pressedMarker = panel.markerAt(e.getX(), e.getY());
        // an alert's or a finding's tick lies in the axis's band, where a drag otherwise pans
        panning = e.isShiftDown() || e.getButton() == MouseButton.MIDDLE
                || (e.getY() < TimelinePanel.AXIS_HEIGHT && pressedMarker == null);
    }

    private void dragged(MouseEvent e) {
        if (axis() == null) {
            return;
        }
        if (panning) {
            axis().pan(-Math.round((e.getX() - lastX) * nanosPerPixel()));
            lastX = e.getX();
        } else if (dragging || Math.abs(e.getX() - pressX) >= DRAG_THRESHOLD) {
            dragging = true;
            double lo = TimelinePanel.LABEL_WIDTH;
            double hi = lo + panel.laneWidth();
            panel.setDrag(clamp(pressX, lo, hi), clamp(e.getX(), lo, hi));
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private void released(MouseEvent e) {
        if (dragging) {
            panel.setDrag(Double.NaN, Double.NaN);
            SelectionModel model = control.getSelectionModel();
            long a = panel.timeAt(Math.min(pressX, e.getX()));
            long b = panel.timeAt(Math.max(pressX, e.getX()));
            Set<Integer> threads = panel.threadsBetween(pressY, e.getY());
            if (model != null && b > a) {
                Selection s = model.getSelection().withTimeRange(a, b);
                model.select(threads.isEmpty() ? s : s.withThreads(threads));
            }
        } else if (!panning && e.getButton() == MouseButton.PRIMARY && pressedMarker != null) {
            if (control.getSelectionModel() != null) {
                pressedMarker.select(control.getSelectionModel());
            }
        } else if (!panning && e.getButton() == MouseButton.PRIMARY && e.getX() < TimelinePanel.LABEL_WIDTH) {
            int r = panel.rowAt(e.getY());
            if (r >= 0 && panel.rows().get(r).header()) {
                LaneRows.Row row = panel.rows().get(r);
                if (!control.getCollapsedGroups().remove(row.group())) {
                    control.getCollapsedGroups().add(row.group());
                }
            }
        }
        dragging = false;
        panning = false;
        pressedMarker = null;
    }

    private void keyPressed(KeyEvent e) {
        if (axis() == null || e.isAltDown() || e.getTarget() instanceof TextInputControl) {
            return;
        }
        TimeRange shown = axis().getVisible();
        long centre = shown.fromNanos() + shown.length() / 2;
        boolean done = true;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> axis().zoom(0.5, centre);
            case MINUS, SUBTRACT -> axis().zoom(2, centre);
            case LEFT -> axis().pan(-shown.length() / 10);
            case RIGHT -> axis().pan(shown.length() / 10);
            case HOME -> axis().reset();
            case UP -> panel.scrollTo(panel.scrollY() - TimelinePanel.ROW_HEIGHT);
            case DOWN -> panel.scrollTo(panel.scrollY() + TimelinePanel.ROW_HEIGHT);
            default -> done = false;
        }
        if (done) {
            control.requestLayout();
            e.consume();
        }
    }

    private void selectionKey(KeyEvent e) {
        SelectionModel model = control.getSelectionModel();
        if (model != null) {
            model.handle(e);
        }
    }
}
