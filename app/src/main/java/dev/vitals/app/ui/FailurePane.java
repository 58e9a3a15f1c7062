package dev.vitals.app.ui;

import dev.vitals.app.UserMessages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/**
 * A tab's content when its work failed: what went wrong in words, then why, cause by cause in words
 * ("because …"), and the stack trace folded below for a bug report.
 */
final class FailurePane extends VBox {
    FailurePane(String what, Throwable failure) {
        super(10);
        setAlignment(Pos.CENTER);
        setId("failure");
        Label heading = new Label(what);
        heading.getStyleClass().addAll("title-4", "danger");
        List<String> causes = UserMessages.causes(failure);
        Label message = new Label(causes.getFirst());
        message.setId("failure-message");
        message.setWrapText(true);
        message.setMaxWidth(640);
        VBox why = new VBox(2);
        why.setId("failure-causes");
        why.setMaxWidth(640);
        for (String cause : causes.subList(1, causes.size())) {
            Label because = new Label("because " + cause);
            because.setWrapText(true);
            because.getStyleClass().add("text-muted");
            why.getChildren().add(because);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        TextArea text = new TextArea(trace.toString());
        text.setEditable(false);
        TitledPane details = new TitledPane("Stack trace", text);
        details.setId("failure-trace");
        details.setExpanded(false);
        details.setMaxWidth(640);
        getChildren().addAll(heading, message, why, details);
    }
}
