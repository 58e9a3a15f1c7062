package dev.vitals.views;

import dev.vitals.model.query.Selection;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The one {@link Selection} every view reads and writes: a drag on a chart, the timeline or a
 * heatmap, a heatmap cell, an event or a frame in the flame graph each {@link #select} a new one,
 * and every view follows {@link #selectionProperty()}. Each change is kept in a history walked with
 * {@link #back()} and {@link #forward()} (Alt+← / Alt+→, see {@link #handle}); a new
 * selection drops the forward part. {@link #clear()} (Esc) returns to the base selection: the whole
 * recording and every thread, with the current event selector, measure and transforms.
 */
public final class SelectionModel {
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");
    private final Deque<Selection> past = new ArrayDeque<>();
    private final Deque<Selection> future = new ArrayDeque<>();

    public SelectionModel(Selection initial) {
        selection.set(initial);
    }

    /** The current selection. */
    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public Selection getSelection() {
        return selection.get();
    }

    /** Makes {@code next} the current selection, remembering the current one for {@link #back()}. */
    public void select(Selection next) {
        if (next.equals(selection.get())) {
            return;
        }
        past.push(selection.get());
        future.clear();
        selection.set(next);
        updateFlags();
    }

    /** Returns to the previous selection; false if there is none. */
    public boolean back() {
        if (past.isEmpty()) {
            return false;
        }
        future.push(selection.get());
        selection.set(past.pop());
        updateFlags();
        return true;
    }

    /** Goes forward again after {@link #back()}; false if there is nothing ahead. */
    public boolean forward() {
        if (future.isEmpty()) {
            return false;
        }
        past.push(selection.get());
        selection.set(future.pop());
        updateFlags();
        return true;
    }

    /** Selects the whole recording, all threads, all durations, no frame filter (keeps events, measure, transforms). */
    public void clear() {
        Selection s = selection.get();
        select(new Selection(Long.MIN_VALUE, Long.MAX_VALUE, Set.of(), s.events(), null, s.transforms(),
                s.measure(), 0, Long.MAX_VALUE, null));
    }

    /** True when {@link #back()} would change the selection. */
    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    /** True when {@link #forward()} would change the selection. */
    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }

    /**
     * Handles a key press meant for the selection: Alt+← (back), Alt+→ (forward), Esc (clear).
     * Consumes the event and returns true if it was one of them; views call this from their
     * key handlers, and the app may add it to any node with {@code addEventHandler}.
     */
    public boolean handle(KeyEvent e) {
        boolean done = false;
        if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
            done = back();
        } else if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
            done = forward();
        } else if (e.getCode() == KeyCode.ESCAPE && !e.isAltDown()) {
            clear();
            done = true;
        }
        if (done) {
            e.consume();
        }
        return done;
    }

    private void updateFlags() {
        canGoBack.set(!past.isEmpty());
        canGoForward.set(!future.isEmpty());
    }
}
