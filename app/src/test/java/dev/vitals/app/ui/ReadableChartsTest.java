package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.timeline.ThreadTimeline;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The charts of a recording are readable at 1280×800 and at 1920×1080: every chart shown, above the
 * timeline and in the Charts tab, is at least {@link MetricChart#readableHeight()} tall with its
 * three y labels (zero, half, the top) inside it and a line apart; where the window is too short for
 * that, the column of views scrolls rather than squeezing the charts (it once gave the CPU and heap
 * charts 48 px at 1280×800, and the four charts of the Charts tab were cut off at the bottom).
 * A size taller than the screen is left out, as in {@link Looks}: JavaFX's headless screen is
 * 1000×1000, so 1920×1080 is checked under Xvfb with the GTK glass.
 */
@ExtendWith(ApplicationExtension.class)
class ReadableChartsTest {
    private static final int[][] SIZES = {{1280, 800}, {1920, 1080}};

    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-readable-charts");
        preferences.clear();
        Theme.LIGHT.apply();
        window = new MainWindow(stage, preferences);
        window.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    @Test
    void everyChartShownKeepsItsReadableHeightAndThreeYLabelsApart(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(SessionTabsTest.RECORDING));
        FlameGraph flame = SessionTabsTest.awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> flame.getCallTree() != null));
        TabPane above = onFx(() -> robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(p -> p.getTabs().stream().anyMatch(t -> "threads-tab".equals(t.getId()))).findFirst().orElseThrow());
        SoftAssertions softly = new SoftAssertions();
        double screenHeight = onFx(() -> Screen.getPrimary().getBounds().getHeight());
        for (int[] size : SIZES) {
            if (size[1] > screenHeight) {
                continue;
            }
            robot.interact(() -> {
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            assertThat(onFx(stage::getHeight)).as("the stage at " + size[1] + " px").isEqualTo(size[1]);
            for (String tab : List.of("threads-tab", "charts-tab")) {
                robot.interact(() -> above.getSelectionModel().select(above.getTabs().stream()
                        .filter(t -> tab.equals(t.getId())).findFirst().orElseThrow()));
                List<MetricChart> charts = onFx(() -> robot.lookup(".metric-chart").queryAllAs(MetricChart.class).stream()
                        .filter(ReadableChartsTest::shown).toList());
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> charts.stream()
                        .allMatch(c -> !c.isComputing() && !c.valueLabelBounds().isEmpty())));
                String where = size[0] + "×" + size[1] + " " + tab;
                // above the timeline, the heap chart gives way on a short window; the CPU chart stays
                softly.assertThat(charts).as(where + ": charts shown").hasSize(tab.equals("charts-tab") ? 4
                        : size[1] >= 1080 ? 2 : 1);
                if (tab.equals("threads-tab")) {
                    ThreadTimeline timeline = onFx(() -> robot.lookup("#timeline").queryAs(ThreadTimeline.class));
                    softly.assertThat(onFx(() -> timeline.getHeight())).as(where + " timeline").isGreaterThanOrEqualTo(120);
                    softly.assertThat(onFx(() -> inView(timeline))).as(where + ": the timeline in view, not scrolled away")
                            .isTrue();
                }
                for (MetricChart chart : charts) {
                    String which = where + " " + chart.getId();
                    softly.assertThat(onFx(chart::getHeight)).as(which + " height").isGreaterThanOrEqualTo(MetricChart.readableHeight());
                    List<Bounds> labels = onFx(chart::valueLabelBounds);
                    softly.assertThat(labels).as(which + " y labels").hasSize(3);
                    for (int i = 0; i < labels.size(); i++) {
                        softly.assertThat(labels.get(i).getMinY()).as(which + " label inside").isGreaterThanOrEqualTo(0);
                        softly.assertThat(labels.get(i).getMaxY()).as(which + " label inside")
                                .isLessThanOrEqualTo(onFx(chart::getHeight));
                        if (i > 0) {
                            softly.assertThat(labels.get(i).getMinY()).as(which + " labels apart")
                                    .isGreaterThanOrEqualTo(labels.get(i - 1).getMaxY());
                        }
                    }
                }
            }
        }
        softly.assertAll();
    }

    /** True if {@code node} lies wholly inside the viewport of the scroll pane around it. */
    static boolean inView(Node node) {
        Node pane = node.getParent();
        while (!(pane instanceof ScrollPane)) {
            pane = pane.getParent();
        }
        Bounds viewport = pane.localToScene(pane.getLayoutBounds());
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getMinY() >= viewport.getMinY() - 0.5 && bounds.getMaxY() <= viewport.getMaxY() + 0.5;
    }

    /** True if the node and its parents are visible (the charts of a tab not selected are not). */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
