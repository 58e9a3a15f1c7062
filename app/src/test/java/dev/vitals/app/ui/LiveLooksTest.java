package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.awaitNode;
import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static dev.vitals.app.ui.SessionTabsTest.present;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.views.flame.FlameGraph;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live demo as {@code vitals demo} starts it, watched for {@code -Dvitals.live.minutes} (half a
 * minute unless told), then seen at 1280×800 and 1920×1080 in both themes ({@link Looks}): nothing
 * cut, the live tab's top bar included. One run gives the README's four live pictures
 * ({@code -Dvitals.screenshots=DIR}, under Xvfb: {@code scripts/live-screenshots.sh}).
 */
@ExtendWith(ApplicationExtension.class)
class LiveLooksTest {
    private static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals/test-live-looks");

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        PREFERENCES.clear();
        PREFERENCES.putBoolean(DemoHint.DISMISSED, true);
        Theme.LIGHT.apply();
        window = new MainWindow(stage, PREFERENCES);
        window.show();
    }

    @AfterEach
    void endWhatTheWindowStarted(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    @Test
    void theLiveDemoShowsEveryTextWholeAtBothSizesInBothThemes(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                window.startDemo(DemoWorkloadProcess.command(null, null, null));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> present(robot, "#live-status") || present(robot, "#failure-message"));
        assertThat(robot.lookup("#failure-message").tryQuery()).as("attach failure").isEmpty();
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(10));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0));
        double minutes = Double.parseDouble(System.getProperty("vitals.live.minutes", "0.5"));
        Thread.sleep((long) (minutes * 60_000));
        Looks.check(robot, stage, "live-demo");
    }
}
