package dev.vitals.views.heatmap;

import dev.vitals.views.SelectionModel;
import dev.vitals.views.heatmap.internal.FlameScopePanel;
import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The FlameScope heatmap's input: a click on a cell selects exactly its slot, a drag selects from
 * the first cell to the last in time order, the wheel scrolls; Alt+←/→ and Esc go to the
 * {@link SelectionModel}.
 */
final class FlameScopeHeatmapBehavior {
    private final FlameScopeHeatmap control;
    private final FlameScopePanel panel;
    private final EventHandler<KeyEvent> keys;
    private long pressCell = -1;

    FlameScopeHeatmapBehavior(FlameScopeHeatmap control, FlameScopePanel panel) {
        this.control = control;
        this.panel = panel;
        keys = e -> {
            if (control.getSelectionModel() != null) {
                control.getSelectionModel().handle(e);
            }
        };
        control.addEventHandler(KeyEvent.KEY_PRESSED, keys);
        panel.setOnMousePressed(this::pressed);
        panel.setOnMouseDragged(this::dragged);
        panel.setOnMouseReleased(this::released);
        panel.setOnScroll(e -> {
            double delta = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            panel.scrollTo(panel.scrollX() - delta);
            control.requestLayout();
            e.consume();
        });
    }

    void dispose() {
        control.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
        panel.setOnMousePressed(null);
        panel.setOnMouseDragged(null);
        panel.setOnMouseReleased(null);
        panel.setOnScroll(null);
    }

    private void pressed(MouseEvent e) {
        control.requestFocus();
        pressCell = panel.cellStartAt(e.getX(), e.getY());
    }

    private void dragged(MouseEvent e) {
        long cell = cellAt(e);
        if (pressCell >= 0 && cell >= 0) {
            panel.setDrag(pressCell, cell);
        }
    }

    /** The cell under the mouse, or the nearest in the first column or row when left of or above the grid. */
    private long cellAt(MouseEvent e) {
        return panel.cellStartAt(Math.max(FlameScopePanel.LEFT, e.getX()), Math.max(FlameScopePanel.TOP, e.getY()));
    }

    private void released(MouseEvent e) {
        long cell = cellAt(e);
        panel.setDrag(-1, -1);
        SelectionModel model = control.getSelectionModel();
        if (pressCell >= 0 && cell >= 0 && model != null) {
            long from = Math.min(pressCell, cell);
            long to = Math.max(pressCell, cell) + panel.slotNanos();
            model.select(model.getSelection().withTimeRange(from, to));
        }
        pressCell = -1;
    }
}
