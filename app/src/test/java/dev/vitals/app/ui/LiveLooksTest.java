package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.awaitNode;
import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static dev.vitals.app.ui.SessionTabsTest.present;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.timeline.ThreadTimeline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
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
 * cut, the live tab's top bar included, every chart shown at least its readable height, and the
 * thread timeline in view with at least {@value #MIN_LANES} lanes under the charts ({@value #MIN_LANES_SMALL} at
 * 1280×800, under the readable CPU chart, with the flame graph keeping half the tab). One run gives the README's four live pictures
 * ({@code -Dvitals.screenshots=DIR}, under Xvfb: {@code scripts/live-screenshots.sh}).
 */
@ExtendWith(ApplicationExtension.class)
class LiveLooksTest {
    private static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals/test-live-looks");

    /** The thread lanes a look shows at least (the demo's requests, workers and contenders come first). */
    private static final int MIN_LANES = 3;
    /** The same at 1280×800: the two busiest application threads. */
    private static final int MIN_LANES_SMALL = 2;

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        PREFERENCES.clear();
        PREFERENCES.putBoolean(DemoHint.DISMISSED, true);
        Theme.LIGHT.apply();
        PREFERENCES.putBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, false); // not about them: no finding notification over the alerts'
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
        ThreadTimeline timeline = find(robot, "#timeline", ThreadTimeline.class);
        Looks.check(robot, stage, "live-demo", look -> {
            assertThat(visibleLanes(timeline)).as(look + ": lanes in view")
                    .hasSizeGreaterThanOrEqualTo(look.startsWith("1280x800") ? MIN_LANES_SMALL : MIN_LANES);
            assertThat(onFx(() -> ReadableChartsTest.inView(timeline))).as(look + ": the timeline in view").isTrue();
            for (MetricChart chart : onFx(() -> robot.lookup(".metric-chart").queryAllAs(MetricChart.class).stream()
                    .filter(ReadableChartsTest::shown).toList())) {
                assertThat(onFx(chart::getHeight)).as(look + ": " + chart.getId() + " readable")
                        .isGreaterThanOrEqualTo(MetricChart.readableHeight());
            }
        });
    }

    /** The thread lanes the timeline shows whole, top to bottom. */
    private static List<String> visibleLanes(ThreadTimeline timeline) throws Exception {
        return onFx(() -> timeline.rowNames().stream().filter(name -> !name.endsWith("/")).filter(name -> {
            Bounds lane = timeline.laneBounds(name);
            return lane != null && lane.getMinY() >= 0 && lane.getMaxY() <= timeline.getHeight();
        }).toList());
    }
}
