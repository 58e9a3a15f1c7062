package dev.vitals.app.ui;

import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** What a tab shows while its task runs: what is happening, how far it got, and a way to stop it. */
final class LoadingPane extends VBox {
    LoadingPane(String title, Task<?> task) {
        super(10);
        setAlignment(Pos.CENTER);
        getStyleClass().add("loading-pane");
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(360);
        bar.progressProperty().bind(task.progressProperty());
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.getStyleClass().add("text-muted");
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-loading");
        cancel.setOnAction(e -> task.cancel());
        getChildren().addAll(heading, bar, message, cancel);
    }
}
