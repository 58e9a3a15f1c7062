package dev.vitals.app.ui;

import dev.vitals.app.UserMessages;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** A tab's content when its work failed: what went wrong in words, the technical details folded. */
final class FailurePane extends VBox {
    FailurePane(String what, Throwable failure) {
        super(10);
        setAlignment(Pos.CENTER);
        setId("failure");
        Label heading = new Label(what);
        heading.getStyleClass().addAll("title-4", "danger");
        Label message = new Label(UserMessages.describe(failure));
        message.setId("failure-message");
        message.setWrapText(true);
        message.setMaxWidth(640);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        TextArea text = new TextArea(trace.toString());
        text.setEditable(false);
        TitledPane details = new TitledPane("Details", text);
        details.setExpanded(false);
        details.setMaxWidth(640);
        getChildren().addAll(heading, message, details);
    }
}
