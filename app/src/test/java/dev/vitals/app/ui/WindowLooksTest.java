package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.views.PngWriter;
import dev.vitals.views.flame.FlameGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window with the demo recording at 1280×800 and 1920×1080, light and dark: no text cut. A size
 * taller than the screen is left out (JavaFX's headless screen is 1000×1000, so 1920×1080 is checked
 * under Xvfb). With {@code -Dvitals.screenshots=DIR} it also writes each look as
 * {@code DIR/recording-WxH-THEME.png} (the README's pictures, in {@code docs/images/}).
 */
@ExtendWith(ApplicationExtension.class)
class WindowLooksTest {
    private static final int[][] SIZES = {{1280, 800}, {1920, 1080}};

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-looks");
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
    void aRecordingShowsEveryTextWholeAtBothSizesInBothThemes(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        FlameGraph flame = SessionTabsTest.awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flame.getCallTree().total(0) > 0);
        String folder = System.getProperty("vitals.screenshots", "");
        double screenHeight = onFx(() -> Screen.getPrimary().getBounds().getHeight());
        for (int[] size : SIZES) {
            if (size[1] > screenHeight) {
                continue;
            }
            for (Theme theme : Theme.values()) {
                robot.interact(() -> {
                    theme.apply();
                    stage.setX(0);
                    stage.setY(0);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
                WaitForAsyncUtils.waitForFxEvents();
                String look = size[0] + "x" + size[1] + "-" + theme.name().toLowerCase(Locale.ROOT);
                assertThat(onFx(() -> Truncation.under(stage.getScene().getRoot()))).as(look).isEmpty();
                if (!folder.isEmpty()) {
                    WritableImage image = onFx(() -> stage.getScene().snapshot(null));
                    Files.createDirectories(Path.of(folder));
                    PngWriter.write(image, Path.of(folder, "recording-" + look + ".png"));
                }
            }
        }
    }
}
