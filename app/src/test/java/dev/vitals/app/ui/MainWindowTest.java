package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow(stage, Preferences.userRoot().node("dev/vitals/test")).show();
    }

    @Test
    void startsOnTheWelcomePaneWithTheThreeWaysIn(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Vitals");
        assertThat(robot.lookup("#open-recording").queryAs(Button.class).getText()).isEqualTo("Open recording…");
        assertThat(robot.lookup("#attach").queryAs(Button.class).getText()).isEqualTo("Attach to JVM…");
        assertThat(robot.lookup("#try-demo").queryAs(Button.class).getText()).isEqualTo("Try the demo");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Ready");
    }
}
