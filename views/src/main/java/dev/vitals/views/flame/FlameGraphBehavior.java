package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.flame.internal.FlamePanel;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * What mouse and keyboard do to a flame graph:
 * <ul>
 *   <li>hover shows the frame's tooltip and outlines it; click selects a frame and zooms into it,
 *       a click on the root zooms out; drag pans; Ctrl (or Cmd) + wheel zooms horizontally around
 *       the mouse, the wheel alone scrolls towards deeper frames or the root;</li>
 *   <li>right-click opens the frame's context menu;</li>
 *   <li>arrow keys move the selection to the parent, the widest child and the siblings, keeping it
 *       in view; Enter zooms into the selected frame; Esc zooms out; Ctrl+F goes to the search field,
 *       F3 / Shift+F3 (or Enter / Shift+Enter in the search field) to the next / previous match.</li>
 * </ul>
 */
final class FlameGraphBehavior {
    private static final double DRAG_THRESHOLD = 4;
    private static final double WHEEL_ZOOM = 1.25;

    private final FlameGraph control;
    private final FlameGraphSkin skin;
    private final Region viewport;
    private final EventHandler<MouseEvent> mouseHandler = this::mouse;
    private final EventHandler<ScrollEvent> scrollHandler = this::scroll;
    private final EventHandler<ContextMenuEvent> menuHandler = this::contextMenu;
    private final EventHandler<KeyEvent> keyHandler = this::key;
    private final EventHandler<KeyEvent> searchKeyFilter = this::searchKey;
    private final TextInputControl searchField;
    private FlamePanel dragPanel;
    private double lastX;
    private double lastY;
    private double pressX;
    private double pressY;
    private boolean dragged;

    FlameGraphBehavior(FlameGraph control, FlameGraphSkin skin, Region viewport, TextInputControl searchField) {
        this.control = control;
        this.searchField = searchField;
        this.skin = skin;
        this.viewport = viewport;
        viewport.addEventHandler(MouseEvent.ANY, mouseHandler);
        viewport.addEventHandler(ScrollEvent.SCROLL, scrollHandler);
        viewport.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, menuHandler);
        control.addEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, searchKeyFilter);
    }

    void dispose() {
        viewport.removeEventHandler(MouseEvent.ANY, mouseHandler);
        viewport.removeEventHandler(ScrollEvent.SCROLL, scrollHandler);
        viewport.removeEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, menuHandler);
        control.removeEventHandler(KeyEvent.KEY_PRESSED, keyHandler);
        searchField.removeEventFilter(KeyEvent.KEY_PRESSED, searchKeyFilter);
    }

    private void mouse(MouseEvent e) {
        if (e.getEventType() == MouseEvent.MOUSE_MOVED) {
            hover(e);
        } else if (e.getEventType() == MouseEvent.MOUSE_EXITED) {
            clearHover();
        } else if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
            control.requestFocus();
            skin.contextMenu().hide();
            dragPanel = e.getButton() == MouseButton.PRIMARY ? skin.panelAt(e.getSceneX(), e.getSceneY()) : null;
            pressX = lastX = e.getSceneX();
            pressY = lastY = e.getSceneY();
            dragged = false;
        } else if (e.getEventType() == MouseEvent.MOUSE_DRAGGED && dragPanel != null) {
            dragTo(e.getSceneX(), e.getSceneY());
        } else if (e.getEventType() == MouseEvent.MOUSE_RELEASED && dragPanel != null) {
            dragTo(e.getSceneX(), e.getSceneY());
            dragPanel = null;
        } else if (e.getEventType() == MouseEvent.MOUSE_CLICKED && e.getButton() == MouseButton.PRIMARY && !dragged) {
            click(e);
        }
    }

    /** Pans by the mouse movement once it has moved past the drag threshold since the press. */
    private void dragTo(double sceneX, double sceneY) {
        if (!dragged && Math.hypot(sceneX - pressX, sceneY - pressY) >= DRAG_THRESHOLD) {
            dragged = true;
            clearHover();
            dragPanel.pan(sceneX - pressX, sceneY - pressY);
        } else if (dragged) {
            dragPanel.pan(sceneX - lastX, sceneY - lastY);
        }
        lastX = sceneX;
        lastY = sceneY;
    }

    private void hover(MouseEvent e) {
        FlamePanel panel = skin.panelAt(e.getSceneX(), e.getSceneY());
        int node = -1;
        if (panel != null) {
            Point2D p = panel.sceneToLocal(e.getSceneX(), e.getSceneY());
            node = panel.nodeAt(p.getX(), p.getY());
        }
        for (FlamePanel other : skin.panels()) {
            other.setHover(other == panel ? node : -1);
        }
        if (node >= 0) {
            skin.showTooltip(panel, node, e.getScreenX(), e.getScreenY());
        } else {
            skin.hideTooltip();
        }
    }

    private void clearHover() {
        for (FlamePanel panel : skin.panels()) {
            panel.setHover(-1);
        }
        skin.hideTooltip();
    }

    private void click(MouseEvent e) {
        FlamePanel panel = skin.panelAt(e.getSceneX(), e.getSceneY());
        if (panel == null) {
            return;
        }
        Point2D p = panel.sceneToLocal(e.getSceneX(), e.getSceneY());
        int node = panel.nodeAt(p.getX(), p.getY());
        if (node >= 0) {
            skin.select(panel, node);
            skin.zoom(panel, node);
        }
    }

    private void scroll(ScrollEvent e) {
        FlamePanel panel = skin.panelAt(e.getSceneX(), e.getSceneY());
        if (panel == null) {
            return;
        }
        if (e.isShortcutDown() || e.isControlDown()) {
            if (e.getDeltaY() != 0) {
                Point2D p = panel.sceneToLocal(e.getSceneX(), e.getSceneY());
                panel.zoomHorizontally(e.getDeltaY() > 0 ? 1 / WHEEL_ZOOM : WHEEL_ZOOM, p.getX());
            }
        } else {
            panel.pan(e.getDeltaX(), e.getDeltaY());
        }
        skin.hideTooltip();
        e.consume();
    }

    private void contextMenu(ContextMenuEvent e) {
        FlamePanel panel = skin.panelAt(e.getSceneX(), e.getSceneY());
        if (panel == null) {
            return;
        }
        Point2D p = panel.sceneToLocal(e.getSceneX(), e.getSceneY());
        int node = panel.nodeAt(p.getX(), p.getY());
        if (node >= 0) {
            // The menu comes first and alone: selecting the frame here would re-query every linked
            // view in the same pulse, and the menu's window would show stale pixels until that
            // pulse ends (seconds on a busy machine). A chosen action selects its frame.
            skin.showContextMenu(panel, node, e.getScreenX(), e.getScreenY());
            e.consume();
        }
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        if (e.getTarget() instanceof TextInputControl) {
            return;
        }
        if (code == KeyCode.F && e.isShortcutDown()) {
            skin.focusSearch();
        } else if (code == KeyCode.F3) {
            skin.nextMatch(!e.isShiftDown());
        } else if (code == KeyCode.ESCAPE) {
            skin.zoom(skin.mainPanel(), 0);
        } else if (code == KeyCode.ENTER) {
            FlamePanel panel = skin.selectedPanel();
            if (panel.selectedNode() >= 0) {
                skin.zoom(panel, panel.selectedNode());
            }
        } else if (code.isArrowKey()) {
            navigate(code);
        } else {
            return;
        }
        e.consume();
    }

    /** In the search field, Enter / Shift+Enter step through the matches and Esc returns to the graph. */
    private void searchKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            skin.nextMatch(!e.isShiftDown());
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            control.requestFocus();
            e.consume();
        }
    }

    private void navigate(KeyCode code) {
        FlamePanel panel = skin.selectedPanel();
        int node = panel.selectedNode();
        CallTree tree = panel.tree();
        int target;
        if (node < 0) {
            target = panel.firstDepth() == 0 ? 0 : tree.firstChild(0);
        } else {
            boolean deeper = code == (panel.growsUp() ? KeyCode.UP : KeyCode.DOWN);
            boolean shallower = code == (panel.growsUp() ? KeyCode.DOWN : KeyCode.UP);
            if (deeper) {
                target = widestChild(tree, node);
            } else if (shallower) {
                target = tree.parent(node);
            } else if (code == KeyCode.LEFT) {
                target = previousSibling(tree, node);
            } else {
                target = tree.nextSibling(node);
            }
        }
        if (target >= 0 && tree.depth(target) >= panel.firstDepth()) {
            skin.select(panel, target);
            skin.reveal(panel, target);
        }
    }

    private static int widestChild(CallTree tree, int node) {
        int widest = -1;
        for (int c = tree.firstChild(node); c != -1; c = tree.nextSibling(c)) {
            if (widest == -1 || tree.total(c) > tree.total(widest)) {
                widest = c;
            }
        }
        return widest;
    }

    private static int previousSibling(CallTree tree, int node) {
        int parent = tree.parent(node);
        if (parent == -1) {
            return -1;
        }
        int previous = -1;
        for (int c = tree.firstChild(parent); c != node; c = tree.nextSibling(c)) {
            previous = c;
        }
        return previous;
    }
}
