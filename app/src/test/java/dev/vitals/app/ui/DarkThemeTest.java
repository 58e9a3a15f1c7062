package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.Selection;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.TimeAxis;
import dev.vitals.views.TimeRange;
import dev.vitals.views.chart.Metric;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.flame.FlameGraph;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The theme reaches the canvases: with the dark stylesheet the flame graph's background, a chart's
 * time-axis strip and the timeline's thread-name column are painted dark, with light text; with the
 * light one, light.
 */
@ExtendWith(ApplicationExtension.class)
class DarkThemeTest {
    private Scene scene;
    private FlameGraph flame;
    private MetricChart chart;
    private ThreadTimeline timeline;

    @Start
    void start(Stage stage) throws Exception {
        ProfileSnapshot snapshot = DemoRecording.snapshot();
        TimeAxis axis = new TimeAxis(new TimeRange(snapshot.info().startNanos(), snapshot.info().endNanos()));
        SelectionModel selection = new SelectionModel(Selection.cpu());
        flame = new FlameGraph(CallTree.fromCollapsed("main;work;hash 30\nmain;work;sort 10\nmain;idle 5"));
        flame.setPrefHeight(240);
        chart = new MetricChart(Metric.CPU, snapshot, selection, axis);
        chart.setPrefHeight(120);
        timeline = new ThreadTimeline(snapshot, selection, axis);
        timeline.setPrefHeight(200);
        scene = new Scene(new VBox(flame, chart, timeline), 900, 560);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
    }

    @Test
    void theDarkStylesheetPaintsTheCanvasesDark(FxRobot robot) {
        robot.interact(() -> Theme.DARK.style(scene));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(luminance(flameBackground(robot))).as("flame graph background").isLessThan(0.15);
        assertThat(luminance(chartAxisStrip(robot))).as("chart time-axis strip").isLessThan(0.15);
        assertThat(luminance(threadNameColumn(robot))).as("thread-name column").isLessThan(0.15);
        assertThat(luminance(flame.viewColours().textColour())).as("text on the canvases").isGreaterThan(0.6);

        robot.interact(() -> Theme.LIGHT.style(scene));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(luminance(flameBackground(robot))).as("flame graph background, light again").isGreaterThan(0.95);
        assertThat(luminance(chartAxisStrip(robot))).as("chart time-axis strip, light again").isGreaterThan(0.9);
        assertThat(luminance(threadNameColumn(robot))).as("thread-name column, light again").isGreaterThan(0.9);
    }

    /** Just below the top left of the flame panel: the frames grow up from the bottom, so this is background. */
    private Color flameBackground(FxRobot robot) {
        return pixel(robot, flame.lookup(".flame-panel"), 5, 5);
    }

    /** Just right of the y labels, in the strip under the chart's title where the time labels are. */
    private Color chartAxisStrip(FxRobot robot) {
        return pixel(robot, chart, 70, 18);
    }

    /** Left of the lanes, below the time axis, between the thread names. */
    private Color threadNameColumn(FxRobot robot) {
        return pixel(robot, timeline, 2, timeline.getHeight() - 3);
    }

    private Color pixel(FxRobot robot, Node node, double x, double y) {
        Color[] colour = new Color[1];
        robot.interact(() -> {
            WritableImage image = scene.snapshot(null);
            Bounds b = node.localToScene(node.getBoundsInLocal());
            colour[0] = image.getPixelReader().getColor((int) (b.getMinX() + x), (int) (b.getMinY() + y));
        });
        return colour[0];
    }

    private static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }
}
