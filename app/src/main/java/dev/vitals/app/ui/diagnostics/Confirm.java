package dev.vitals.app.ui.diagnostics;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** Asks the user before an action that changes the JVM, saying what it does. */
final class Confirm {
    private Confirm() {
    }

    /** A modal question over {@code owner}'s window; true when the user chose OK. */
    static boolean ask(Node owner, String title, String header, String content) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner.getScene().getWindow());
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId("confirm-action");
        alert.getDialogPane().setMinWidth(460);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
