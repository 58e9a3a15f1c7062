package dev.vitals.views.internal;

import dev.vitals.model.query.Selection;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeMarker;
import dev.vitals.views.TimeRange;
import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.function.Supplier;

/**
 * The input every plot on the shared time axis has (the behavior of the charts and the latency
 * heatmap): Ctrl+wheel zooms at the pointer, Shift+wheel or Shift+drag pans, a drag selects its
 * time range (narrowed further by the plot's {@link DragSelection}), a click (no drag) on a
 * marker's tab selects the marker, any other click goes to {@link Click}; +/− zoom, ←/→ pan, Home
 * shows everything, Alt+←/→ and Esc go to the {@link SelectionModel}.
 */
public final class TimeGestures {
    private static final double DRAG_THRESHOLD = 3;

    /** Receives a click that was not a drag. */
    @FunctionalInterface
    public interface Click {
        void clicked(double x, double y);
    }

    /** What a drag from (x0, y0) to (x1, y1) across a time range selects, given the current selection. */
    @FunctionalInterface
    public interface DragSelection {
        Selection selected(Selection current, long fromNanos, long toNanos, double y0, double y1);
    }

    private final Control control;
    private final TimePlot plot;
    private final Supplier<TimeAxis> axis;
    private final Supplier<SelectionModel> model;
    private final Click click;
    private final DragSelection dragSelection;
    private double pressY;
    private final EventHandler<KeyEvent> keys = this::keyPressed;
    private double pressX;
    private double lastX;
    private boolean panning;
    private boolean dragging;
    /**
     * The marker under the pointer when the button went down: a click selects it, whatever markers
     * arrive while the button is down (live alerts for the data shown), so it lands on what was
     * under the pointer when pressed.
     */
    private TimeMarker pressedMarker;

    public TimeGestures(Control control, TimePlot plot, Supplier<TimeAxis> axis, Supplier<SelectionModel> model,
                        Click click, DragSelection dragSelection) {
        this.control = control;
        this.plot = plot;
        this.axis = axis;
        this.model = model;
        this.click = click;
        this.dragSelection = dragSelection;
        plot.setOnScroll(this::scrolled);
        plot.setOnMousePressed(this::pressed);
        plot.setOnMouseDragged(this::dragged);
        plot.setOnMouseReleased(this::released);
        control.addEventHandler(KeyEvent.KEY_PRESSED, keys);
    }

    /** Removes the handlers. */
    public void dispose() {
        control.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
        plot.setOnScroll(null);
        plot.setOnMousePressed(null);
        plot.setOnMouseDragged(null);
        plot.setOnMouseReleased(null);
    }

    private double nanosPerPixel() {
        return (double) axis.get().getVisible().length() / plot.plotWidth();
    }

    private void scrolled(ScrollEvent e) {
        if (axis.get() == null) {
            return;
        }
        if (e.isControlDown() || e.isShortcutDown()) {
            axis.get().zoom(Math.pow(0.85, e.getDeltaY() / 40), plot.timeAt(e.getX()));
            e.consume();
        } else if (e.isShiftDown()) {
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            axis.get().pan(-Math.round(dx * nanosPerPixel()));
            e.consume();
        }
    }

    private void pressed(MouseEvent e) {
        control.requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        lastX = e.getX();
        dragging = false;
        panning = e.isShiftDown() || e.getButton() == MouseButton.MIDDLE;
        pressedMarker = plot.markerAt(e.getX(), e.getY());
    }

    private void dragged(MouseEvent e) {
        if (axis.get() == null) {
            return;
        }
        if (panning) {
            axis.get().pan(-Math.round((e.getX() - lastX) * nanosPerPixel()));
            lastX = e.getX();
        } else if (dragging || Math.abs(e.getX() - pressX) >= DRAG_THRESHOLD) {
            dragging = true;
            double lo = plot.plotLeft();
            double hi = lo + plot.plotWidth();
            plot.setDrag(Math.max(lo, Math.min(hi, pressX)), Math.max(lo, Math.min(hi, e.getX())));
        }
    }

    private void released(MouseEvent e) {
        SelectionModel m = model.get();
        if (dragging) {
            plot.setDrag(Double.NaN, Double.NaN);
            long a = plot.timeAt(Math.min(pressX, e.getX()));
            long b = plot.timeAt(Math.max(pressX, e.getX()));
            if (m != null && b > a) {
                m.select(dragSelection.selected(m.getSelection(), a, b, pressY, e.getY()));
            }
        } else if (!panning && e.getButton() == MouseButton.PRIMARY) {
            if (pressedMarker != null && m != null) {
                pressedMarker.select(m);
            } else if (click != null) {
                click.clicked(e.getX(), e.getY());
            }
        }
        dragging = false;
        panning = false;
        pressedMarker = null;
    }

    private void keyPressed(KeyEvent e) {
        if (model.get() != null && model.get().handle(e)) {
            return;
        }
        TimeAxis a = axis.get();
        if (a == null || e.isAltDown()) {
            return;
        }
        TimeRange shown = a.getVisible();
        long centre = shown.fromNanos() + shown.length() / 2;
        boolean done = true;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> a.zoom(0.5, centre);
            case MINUS, SUBTRACT -> a.zoom(2, centre);
            case LEFT -> a.pan(-shown.length() / 10);
            case RIGHT -> a.pan(shown.length() / 10);
            case HOME -> a.reset();
            default -> done = false;
        }
        if (done) {
            e.consume();
        }
    }
}
