package dev.vitals.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first tab: what Vitals does, the three ways to start, unfinished live sessions, and the files opened last. */
final class WelcomePane extends VBox {
    WelcomePane(Runnable openRecording, Runnable attach, Runnable tryDemo, List<Path> recent, Consumer<Path> openFile,
                UnfinishedSessions unfinished) {
        super(18);
        setAlignment(Pos.CENTER);
        setId("welcome");
        Label title = new Label("Vitals");
        title.getStyleClass().add("title-1");
        Label subtitle = new Label("Watch a JVM's execution state live: flame graphs, thread states, latency and metrics on one clock.");
        subtitle.getStyleClass().add("text-muted");
        Button open = button("Open recording…", "open-recording", openRecording);
        Button attachButton = button("Attach to JVM…", "attach", attach);
        Button demo = button("Try the demo", "try-demo", tryDemo);
        demo.setDefaultButton(true);
        HBox actions = new HBox(12, open, attachButton, demo);
        actions.setAlignment(Pos.CENTER);
        Label hint = new Label("Drop a .jfr or .vitals file anywhere in this window to open it.");
        hint.getStyleClass().add("text-small");
        getChildren().addAll(title, subtitle, actions, hint, unfinished);
        if (!recent.isEmpty()) {
            VBox links = new VBox(2);
            links.setId("recent");
            links.setAlignment(Pos.CENTER);
            Label heading = new Label("Recent");
            heading.getStyleClass().add("title-4");
            links.getChildren().add(heading);
            for (Path file : recent) {
                Hyperlink link = new Hyperlink(file.getFileName().toString());
                link.setTooltip(new Tooltip(file.toString()));
                link.setOnAction(e -> openFile.accept(file));
                links.getChildren().add(link);
            }
            getChildren().add(links);
        }
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
