package dev.vitals.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** Finds text a user sees cut: labels, buttons, table cells and headers whose shown text is not their text. */
final class Truncation {
    /** A labeled node whose text is shown cut. */
    record Cut(Labeled node, String text, String shown) {
        @Override
        public String toString() {
            return "\"" + text + "\" shown as \"" + shown + "\"";
        }
    }

    private Truncation() {
    }

    /** Every visible labeled node under {@code root} whose text is shown cut. Call on the FX thread. */
    static List<Cut> under(Parent root) {
        List<Cut> cuts = new ArrayList<>();
        collect(root, cuts);
        return cuts;
    }

    private static void collect(Node node, List<Cut> cuts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text shown && !shown.getText().equals(labeled.getText())) {
                    cuts.add(new Cut(labeled, labeled.getText(), shown.getText()));
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cuts);
            }
        }
    }
}
