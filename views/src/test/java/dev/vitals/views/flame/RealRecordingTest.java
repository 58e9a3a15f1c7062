package dev.vitals.views.flame;

import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Selection;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The demo workload's real JDK 25 recording, drawn by the control as a user sees it. */
@ExtendWith(ApplicationExtension.class)
class RealRecordingTest {
    static final Path RECORDING = Path.of(System.getProperty("vitals.recordings", "../model/src/test/resources/recordings"))
            .resolve("demo-jdk25-default.jfr");
    static final String HASH_LOOP = "dev.vitals.demo.Work.hashLoop";

    private FlameGraph graph;
    private CallTree tree;

    @Start
    void start(Stage stage) throws Exception {
        tree = CallTrees.topDown(JfrFiles.importFile(RECORDING).snapshot(), Selection.cpu());
        graph = new FlameGraph(tree);
        stage.setScene(new Scene(graph, 1600, 900));
        stage.show();
    }

    @Test
    void hashLoopIsTheWidestLeafAtItsShareOfCpuSamples(FxRobot robot) throws Exception {
        double expected = hashLoopShareOfExecutionSamples();
        int widestLeaf = -1;
        for (int n = 1; n < tree.size(); n++) {
            if (tree.firstChild(n) == -1 && (widestLeaf == -1 || tree.total(n) > tree.total(widestLeaf))) {
                widestLeaf = n;
            }
        }
        FlameFrame leaf = new FlameFrame(tree, widestLeaf);
        assertThat(leaf.name()).isEqualTo(HASH_LOOP);
        Bounds drawn = Fx.onFx(() -> graph.frameBounds(leaf));
        Bounds all = Fx.onFx(() -> graph.frameBounds(new FlameFrame(tree, 0)));
        double drawnShare = drawn.getWidth() / all.getWidth();
        assertThat(drawnShare).isCloseTo(expected, within(0.05));
        FlameFrame hit = Fx.onFx(() -> graph.frameAt(drawn.getCenterX(), drawn.getCenterY()));
        assertThat(hit).isEqualTo(leaf);
        FlameGraphImages.renderPng(tree, FlameRenderOptions.defaults(), FlameGraphImagesTest.OUT.resolve("demo-jdk25-flame.png"));
        FlameGraphImages.renderPng(tree, FlameRenderOptions.defaults().withOrientation(FlameOrientation.ICICLE)
                .withColouring(FlameColouring.PACKAGE).withSearch("Work\\.(hash|sort)Loop", true),
                FlameGraphImagesTest.OUT.resolve("demo-jdk25-icicle-search.png"));
    }

    /** Share of jdk.ExecutionSample events whose top frame is Work.hashLoop, read with the JDK's own reader. */
    private static double hashLoopShareOfExecutionSamples() throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(RECORDING);
        long samples = 0;
        long hashLoop = 0;
        for (RecordedEvent event : events) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples++;
                RecordedFrame top = event.getStackTrace().getFrames().getFirst();
                String name = top.getMethod().getType().getName() + "." + top.getMethod().getName();
                if (name.equals(HASH_LOOP)) {
                    hashLoop++;
                }
            }
        }
        assertThat(samples).isPositive();
        return (double) hashLoop / samples;
    }
}
