package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.SelectionModel;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.flame.FlameGraph;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Compare two ranges of the demo recording: a quiet second as the baseline, then the first 300 ms spike. */
@ExtendWith(ApplicationExtension.class)
class CompareTest {
    private static final String SPIKE = "dev.vitals.demo.Work.spike";

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Preferences.userRoot().node("dev/vitals/test"));
        window.show();
    }

    @Test
    void aSpikeComparedWithAQuietSecondShowsWorkSpikeGrownInRed(FxRobot robot) throws Exception {
        long spike = DemoRecording.firstSpikeStartNanos();
        robot.interact(() -> window.open(DemoRecording.FILE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#cpu-chart").tryQuery().isPresent());
        SelectionModel selection = robot.lookup("#cpu-chart").queryAs(MetricChart.class).getSelectionModel();

        // Baseline: the second before the spike (no spike runs in it); by the button.
        robot.interact(() -> selection.select(selection.getSelection().withRange(spike - 2_000_000_000L, spike - 1_000_000_000L)));
        robot.clickOn("#set-baseline");
        assertThat(robot.lookup("#profile-info").queryAs(Label.class).getText()).startsWith("Baseline: ");

        // Comparison: the spike; by the keyboard shortcut.
        robot.interact(() -> selection.select(selection.getSelection().withRange(spike, spike + 300_000_000L)));
        robot.clickOn("#selection").press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#diff-flame-graph").tryQuery().isPresent());
        FlameGraph diff = robot.lookup("#diff-flame-graph").queryAs(FlameGraph.class);
        TabPane tabs = robot.lookup("#sessions").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem()).isInstanceOf(DiffTab.class);
        assertThat(robot.lookup("#diff-heading").queryAs(Label.class).getText()).contains(" s – ").contains("→");
        assertThat(DemoRecording.firstNodeNamed(diff.getBaselineTree(), SPIKE)).as("no spike in the baseline").isEqualTo(-1);
        CallTree after = diff.getCallTree();
        int node = DemoRecording.firstNodeNamed(after, SPIKE);
        assertThat(node).as("the spike in the comparison").isPositive();

        WaitForAsyncUtils.waitForFxEvents();
        List<String> path = DemoRecording.path(after, node);
        Color colour = WaitForAsyncUtils.asyncFx(() -> {
            Bounds b = diff.frameBounds(diff.frame(path));
            return diff.snapshot(null, null).getPixelReader().getColor((int) (b.getMaxX() - 4), (int) b.getCenterY());
        }).get(10, TimeUnit.SECONDS);
        assertThat(colour.getRed()).as("grown: red, " + colour).isGreaterThan(colour.getBlue() + 0.3);
    }

    @Test
    void twoRecordingsCompareWholeWithTheirCpuSamples(FxRobot robot) throws Exception {
        java.nio.file.Path jdk17 = java.nio.file.Path.of("../model/src/test/resources/recordings/demo-jdk17-default.jfr");
        robot.interact(() -> {
            DiffTab tab = DiffTab.ofFiles(jdk17, DemoRecording.FILE);
            TabPane tabs = robot.lookup("#sessions").queryAs(TabPane.class);
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#diff-flame-graph").tryQuery().isPresent());
        FlameGraph diff = robot.lookup("#diff-flame-graph").queryAs(FlameGraph.class);
        long before = dev.vitals.model.query.CallTrees.topDown(dev.vitals.model.jfr.JfrFiles.importFile(jdk17).snapshot(),
                dev.vitals.model.query.Selection.cpu()).total(0);
        long after = dev.vitals.model.query.CallTrees.topDown(DemoRecording.snapshot(), dev.vitals.model.query.Selection.cpu()).total(0);
        assertThat(diff.getBaselineTree().total(0)).isEqualTo(before).isPositive();
        assertThat(diff.getCallTree().total(0)).isEqualTo(after).isPositive();
        assertThat(robot.lookup("#diff-heading").queryAs(Label.class).getText())
                .startsWith(String.format("demo-jdk17-default.jfr (%,d samples)  →  demo-jdk25-default.jfr (%,d samples)", before, after));
    }
}
