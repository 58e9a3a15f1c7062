package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Edit → Preferences (Ctrl+,): each choice takes effect at once and in the next window (live sessions ask for the finding notifications each time). */
@ExtendWith(ApplicationExtension.class)
class PreferencesTest {
    private Preferences preferences;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        preferences = Preferences.userRoot().node("dev/vitals/test-preferences");
        preferences.clear();
        window = new MainWindow(stage, preferences);
        window.show();
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(() -> {
            Theme.LIGHT.apply();
            window.closeAll();
        });
    }

    @Test
    void themeRecordingSettingsAndSessionFolderTakeEffect(FxRobot robot, @TempDir Path dir) {
        @SuppressWarnings("unchecked")
        ComboBox<String> browserSettings = robot.lookup("#settings").queryAs(ComboBox.class);
        assertThat(browserSettings.getValue()).isEqualTo("default");

        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<Theme> theme = robot.lookup("#pref-theme").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> settings = robot.lookup("#pref-settings").queryAs(ComboBox.class);
        TextField folder = robot.lookup("#pref-sessions-folder").queryAs(TextField.class);
        assertThat(folder.getText()).isEqualTo(SessionFolders.defaultRoot().toString());
        CheckBox findingNotifications = robot.lookup("#pref-finding-notifications").queryAs(CheckBox.class);
        assertThat(findingNotifications.isSelected()).as("finding notifications are on by default").isTrue();
        robot.clickOn(findingNotifications);
        robot.interact(() -> {
            theme.setValue(Theme.DARK);
            settings.setValue("detailed");
        });
        // Select all, then type over it: a double-click selects only the word under the pointer, which
        // depends on how long the default path is on the machine.
        robot.clickOn(folder).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(dir.toString());
        robot.clickOn("#pref-ok");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(browserSettings.getValue()).as("the JVM browser records with it from now on").isEqualTo("detailed");
        assertThat(new SessionFolders(preferences).root()).isEqualTo(dir);
        assertThat(preferences.getBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, true)).as("finding notifications off").isFalse();

        // A new window (the next start) comes up with them.
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            second[0] = new Stage();
            new MainWindow(second[0], preferences).show();
        });
        assertThat(robot.lookup("#settings").queryAllAs(ComboBox.class)).hasSize(2)
                .allSatisfy(box -> assertThat(box.getValue()).isEqualTo("detailed"));
        assertThat(preferences.get(PreferencesDialog.THEME, "")).isEqualTo("DARK");
        robot.interact(second[0]::close);
    }
}
