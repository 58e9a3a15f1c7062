package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow(stage, Preferences.userRoot().node("dev/vitals/test")).show();
    }

    @Test
    void remembersOpenedFilesInOpenRecentAndOnTheWelcomePane(FxRobot robot) throws Exception {
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-recent");
        preferences.clear();
        Path recording = Path.of("../model/src/test/resources/recordings/demo-jdk17-default.jfr").toAbsolutePath().normalize();
        Stage[] stages = new Stage[2];
        robot.interact(() -> {
            stages[0] = new Stage();
            MainWindow first = new MainWindow(stages[0], preferences);
            first.show();
            first.open(recording);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> new RecentFiles(preferences).list().equals(List.of(recording)));
        robot.interact(stages[0]::close);

        robot.interact(() -> {
            stages[1] = new Stage();
            new MainWindow(stages[1], preferences).show();
        });
        VBox recent = (VBox) stages[1].getScene().lookup("#recent");
        assertThat(recent.getChildren()).anySatisfy(n ->
                assertThat(n).isInstanceOfSatisfying(Hyperlink.class, l -> assertThat(l.getText()).isEqualTo("demo-jdk17-default.jfr")));
        robot.interact(stages[1]::close);
    }

    @Test
    void startsOnTheWelcomePaneWithTheThreeWaysIn(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Vitals");
        assertThat(robot.lookup("#open-recording").queryAs(Button.class).getText()).isEqualTo("Open recording…");
        assertThat(robot.lookup("#attach").queryAs(Button.class).getText()).isEqualTo("Attach to JVM…");
        assertThat(robot.lookup("#try-demo").queryAs(Button.class).getText()).isEqualTo("Try the demo");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Ready");
    }

    @Test
    void theJvmSidebarCollapsesAndStaysCollapsedNextTime(FxRobot robot) throws Exception {
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-sidebar");
        preferences.clear();
        Stage[] stages = new Stage[2];
        robot.interact(() -> {
            stages[0] = new Stage();
            new MainWindow(stages[0], preferences).show();
        });
        assertThat(stages[0].getScene().lookup("#jvm-browser")).as("shown at first").isNotNull();
        robot.interact(() -> ((CheckMenuItem) menuItem(stages[0], "sidebar-item")).setSelected(false));
        assertThat(stages[0].getScene().lookup("#jvm-browser")).as("hidden").isNull();
        double tabsWidth = stages[0].getScene().lookup("#sessions").getBoundsInLocal().getWidth();
        assertThat(tabsWidth).as("the tabs take the whole width").isGreaterThan(stages[0].getWidth() - 20);
        robot.interact(stages[0]::close);

        robot.interact(() -> {
            stages[1] = new Stage();
            new MainWindow(stages[1], preferences).show();
        });
        assertThat(stages[1].getScene().lookup("#jvm-browser")).as("still hidden in a new window").isNull();
        robot.interact(() -> ((CheckMenuItem) menuItem(stages[1], "sidebar-item")).setSelected(true));
        assertThat(stages[1].getScene().lookup("#jvm-browser")).as("shown again").isNotNull();
        robot.interact(stages[1]::close);
    }

    private static MenuItem menuItem(Stage stage, String id) {
        MenuBar bar = (MenuBar) ((BorderPane) stage.getScene().getRoot()).getTop();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }
}
