package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.views.flame.FlameGraph;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Parent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * On a 1280×800 screen, in the app's own theme, nothing a user reads is cut: the recording's views
 * (hot methods, the event table, the JVM list), the keyboard shortcuts, the preferences and the
 * alert rules; and a recording at 1280×800 and 1920×1080, light and dark ({@link Looks}, which also
 * writes them as {@code DIR/recording-WxH-THEME.png} with {@code -Dvitals.screenshots=DIR}).
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-small-screen");
        preferences.clear();
        Theme.LIGHT.apply();
        window = new MainWindow(stage, preferences);
        window.show();
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            window.closeAll();
            Theme.LIGHT.apply();
        });
    }

    private void openRecording(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        FlameGraph flame = SessionTabsTest.awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flame.getCallTree().total(0) > 0);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Truncation.Cut> cutIn(Parent root) throws Exception {
        return onFx(() -> Truncation.under(root));
    }

    private static Parent dialogRoot(Stage main) throws Exception {
        return dialog(main).getScene().getRoot();
    }

    private static Window dialog(Stage main) throws Exception {
        return onFx(() -> Window.getWindows().stream().filter(w -> w != main && w.getScene() != null)
                .reduce((a, b) -> b).orElseThrow());
    }

    /** Makes the dialog narrower than it would like, as on a small screen or by hand. */
    private static void narrow(FxRobot robot, Stage main, double width) throws Exception {
        Window dialog = dialog(main);
        robot.interact(() -> dialog.setWidth(width));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theRecordingsViewsShowEveryTextWhole(FxRobot robot) throws Exception {
        openRecording(robot);
        assertThat(cutIn(stage.getScene().getRoot())).isEmpty();
        // Long method names are cut in the middle and keep the method.
        TableView<?> hot = SessionTabsTest.find(robot, "#hot-methods", TableView.class);
        List<TableCell<?, ?>> names = onFx(() -> hot.lookupAll(".table-cell").stream()
                .<TableCell<?, ?>>map(n -> ((TableCell<?, ?>) n)).filter(c -> c.getTableColumn().getText().equals("Method"))
                .filter(c -> c.getItem() != null).toList());
        assertThat(names).hasSizeGreaterThan(5).allSatisfy(cell -> {
            String name = (String) cell.getItem();
            String method = name.substring(name.lastIndexOf('.') + 1);
            assertThat(cell.getText()).as(name).endsWith(method)
                    .satisfiesAnyOf(shown -> assertThat(shown).isEqualTo(name), shown -> assertThat(shown).contains("…"));
        });
    }

    @Test
    void theEventTableShowsItsTitlesAndNumbersWhole(FxRobot robot) throws Exception {
        openRecording(robot);
        robot.interact(() -> stage.getScene().getRoot().lookupAll(".tab-pane").stream().map(TabPane.class::cast)
                .flatMap(p -> p.getTabs().stream()).filter(t -> "events-tab".equals(t.getId()))
                .forEach(t -> t.getTabPane().getSelectionModel().select(t)));
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutIn(stage.getScene().getRoot())).isEmpty();
    }

    @Test
    void theJvmListFitsTheSidebar(FxRobot robot) throws Exception {
        ListView<?> jvms = SessionTabsTest.find(robot, "#jvm-list", ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !jvms.getItems().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        List<ListCell<?>> cells = onFx(() -> jvms.lookupAll(".list-cell").stream().<ListCell<?>>map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() != null && c.isVisible()).toList());
        assertThat(cells).isNotEmpty().allSatisfy(cell -> {
            Text shown = onFx(() -> (Text) cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                    .findFirst().orElseThrow());
            assertThat(onFx(() -> shown.getText())).as("the whole details").isEqualTo(cell.getText()).contains("up ");
            assertThat(onFx(() -> shown.getBoundsInParent().getMaxX())).as(cell.getText())
                    .isLessThanOrEqualTo(onFx(cell::getWidth));
            // the text's layout bounds: its parent bounds are clipped to the cell
            assertThat(onFx(() -> shown.getLayoutBounds().getHeight())).as("all lines of " + cell.getText())
                    .isLessThanOrEqualTo(onFx(cell::getHeight));
        });
    }

    @Test
    void theKeyboardShortcutsAreWhole(FxRobot robot) throws Exception {
        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutIn(dialogRoot(stage))).isEmpty();
        narrow(robot, stage, 560);
        assertThat(cutIn(dialogRoot(stage))).as("the keys, narrowed")
                .noneMatch(cut -> cut.node().getStyleClass().contains("text-bold"));
    }

    @Test
    void thePreferencesAreWhole(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutIn(dialogRoot(stage))).isEmpty();
        narrow(robot, stage, 420);
        assertThat(cutIn(dialogRoot(stage))).as("narrowed").isEmpty();
    }

    @Test
    void theAlertRulesAreWhole(FxRobot robot) throws Exception {
        openRecording(robot);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutIn(dialogRoot(stage))).isEmpty();
        // Narrower than the list and the form side by side: a list that shrank with the window would cut its rules.
        narrow(robot, stage, 420);
        assertThat(cutIn(dialogRoot(stage))).as("narrowed").isEmpty();
    }

    @Test
    void aRecordingShowsEveryTextWholeAtBothSizesInBothThemes(FxRobot robot) throws Exception {
        openRecording(robot);
        Looks.check(robot, stage, "recording");
    }
}
