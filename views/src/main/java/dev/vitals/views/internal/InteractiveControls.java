package dev.vitals.views.internal;

import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The interactive parts of a view (search box, filters, sort and mode toggles), marked by their skin
 * so that a rendered picture ({@code vitals render}, README images) shows the view and its legend
 * without them.
 */
public final class InteractiveControls {
    /** The style class of a marked node. */
    public static final String STYLE_CLASS = "interactive-control";

    private InteractiveControls() {
    }

    /** Marks nodes as interactive controls. */
    public static void mark(Node... nodes) {
        for (Node node : nodes) {
            node.getStyleClass().add(STYLE_CLASS);
        }
    }

    /**
     * Skins {@code root}'s controls and hides every marked node under it, and every container left
     * with nothing visible, giving their room to the rest.
     */
    public static void hide(Parent root) {
        root.applyCss();
        for (Node node : root.lookupAll("." + STYLE_CLASS)) {
            for (Node n = node; n != root && n != null && (n == node || nothingVisibleIn((Parent) n)); n = n.getParent()) {
                n.setVisible(false);
                n.setManaged(false);
            }
        }
        root.layout();
    }

    private static boolean nothingVisibleIn(Parent parent) {
        return parent.getChildrenUnmodifiable().stream().noneMatch(Node::isVisible);
    }
}
