package dev.vitals.app.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Errors as a user reads them: one sentence, with the technical details folded away. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** Shows {@code what} went wrong, {@code message} as the readable cause, and the stack trace expandable. */
    public static Alert show(Window owner, String what, String message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Vitals");
        alert.setHeaderText(what);
        alert.setContentText(message);
        if (details != null) {
            StringWriter trace = new StringWriter();
            details.printStackTrace(new PrintWriter(trace));
            TextArea text = new TextArea(trace.toString());
            text.setEditable(false);
            text.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(text);
        }
        alert.show();
        return alert;
    }
}
