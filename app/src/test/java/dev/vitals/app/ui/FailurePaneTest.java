package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A failure's details read as words, cause by cause; the stack trace is there, folded. */
@ExtendWith(ApplicationExtension.class)
class FailurePaneTest {
    private final Throwable failure = new CompletionException(new UncheckedIOException(
            new IOException("could not read demo.jfr", new EOFException("chunk 2 ends at byte 4096 of 9000"))));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new FailurePane("Could not open demo.jfr", failure), 800, 500));
        stage.show();
    }

    @Test
    void theCauseChainIsInWordsAndTheTraceFoldedBelow(FxRobot robot) {
        assertThat(robot.lookup("#failure-message").queryAs(Label.class).getText()).isEqualTo("could not read demo.jfr");
        List<String> why = robot.lookup("#failure-causes").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertThat(why).containsExactly("because chunk 2 ends at byte 4096 of 9000");
        TitledPane trace = robot.lookup("#failure-trace").queryAs(TitledPane.class);
        assertThat(trace.isExpanded()).isFalse();
        assertThat(((TextArea) trace.getContent()).getText()).contains("java.io.EOFException", "\tat ");
        List<String> shown = robot.lookup(".label").queryAllAs(Label.class).stream().filter(Node::isVisible)
                .map(Label::getText).toList();
        assertThat(shown).noneMatch(text -> text.contains("Exception"));
    }
}
