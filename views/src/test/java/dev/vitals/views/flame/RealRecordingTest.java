package dev.vitals.views.flame;

import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Sandwich;
import dev.vitals.model.query.Selection;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
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

import static dev.vitals.views.flame.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The demo workload's real JDK 25 recording, drawn by the control as a user sees it. */
@ExtendWith(ApplicationExtension.class)
class RealRecordingTest {
    static final Path RECORDING = Path.of(System.getProperty("vitals.recordings", "../model/src/test/resources/recordings"))
            .resolve("demo-jdk25-default.jfr");
    static final String HASH_LOOP = "dev.vitals.demo.Work.hashLoop";

    static final String SORT_LOOP = "dev.vitals.demo.Work.sortLoop";

    private FlameGraph graph;
    private CallTree tree;
    private ProfileSnapshot snapshot;

    @Start
    void start(Stage stage) throws Exception {
        snapshot = JfrFiles.importFile(RECORDING).snapshot();
        tree = CallTrees.topDown(snapshot, Selection.cpu());
        graph = new FlameGraph(tree);
        graph.setZoomAnimation(Duration.ZERO);
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
        Bounds drawn = onFx(() -> graph.frameBounds(leaf));
        Bounds all = onFx(() -> graph.frameBounds(new FlameFrame(tree, 0)));
        double drawnShare = drawn.getWidth() / all.getWidth();
        assertThat(drawnShare).isCloseTo(expected, within(0.05));
        FlameFrame hit = onFx(() -> graph.frameAt(drawn.getCenterX(), drawn.getCenterY()));
        assertThat(hit).isEqualTo(leaf);
        FlameGraphImages.renderPng(tree, FlameRenderOptions.defaults(), FlameGraphImagesTest.OUT.resolve("demo-jdk25-flame.png"));
        FlameGraphImages.renderPng(tree, FlameRenderOptions.defaults().withOrientation(FlameOrientation.ICICLE)
                .withColouring(FlameColouring.PACKAGE).withSearch("Work\\.(hash|sort)Loop", true),
                FlameGraphImagesTest.OUT.resolve("demo-jdk25-icicle-search.png"));
    }

    @Test
    void invertedTreeShowsHashLoopAsTheWidestRootChild() throws Exception {
        CallTree inverted = CallTrees.bottomUp(snapshot, Selection.cpu());
        onFx(() -> {
            graph.setMode(FlameGraphMode.INVERTED);
            graph.setCallTree(inverted);
            return null;
        });
        FlameFrame hashLoop = onFx(() -> graph.frame(List.of(HASH_LOOP)));
        int widest = -1;
        for (int c = inverted.firstChild(0); c != -1; c = inverted.nextSibling(c)) {
            if (widest == -1 || inverted.total(c) > inverted.total(widest)) {
                widest = c;
            }
        }
        assertThat(hashLoop.nodeIndex()).isEqualTo(widest);
        Bounds drawn = onFx(() -> graph.frameBounds(hashLoop));
        Bounds all = onFx(() -> graph.frameBounds(new FlameFrame(inverted, 0)));
        assertThat(drawn.getWidth() / all.getWidth()).isCloseTo(hashLoopShareOfExecutionSamples(), within(0.05));
        assertThat(drawn.getMaxY()).as("right above the root").isCloseTo(all.getMinY(), within(1.0));
        FlameGraphImages.renderPng(inverted, FlameRenderOptions.defaults().withMode(FlameGraphMode.INVERTED)
                .withOrientation(FlameOrientation.ICICLE), FlameGraphImagesTest.OUT.resolve("demo-jdk25-inverted.png"));
    }

    @Test
    void sandwichDrawsCallersAboveAndCalleesBelowTheMethod(FxRobot robot) throws Exception {
        Sandwich sandwich = CallTrees.sandwich(snapshot, Selection.cpu(), SORT_LOOP);
        onFx(() -> {
            graph.setMode(FlameGraphMode.SANDWICH);
            graph.setCallersTree(sandwich.callers());
            graph.setCallTree(sandwich.callees());
            return null;
        });
        Bounds callersMethod = onFx(() -> graph.frameBounds(new FlameFrame(sandwich.callers(), sandwich.callers().findNode(SORT_LOOP))));
        Bounds calleesMethod = onFx(() -> graph.frameBounds(new FlameFrame(sandwich.callees(), sandwich.callees().findNode(SORT_LOOP))));
        assertThat(callersMethod.getMaxY()).as("callers half above the callees half").isLessThanOrEqualTo(calleesMethod.getMinY());
        assertThat(callersMethod.getWidth()).isCloseTo(calleesMethod.getWidth(), within(1.0));
        int caller = sandwich.callers().firstChild(sandwich.callers().findNode(SORT_LOOP));
        Bounds callerBounds = onFx(() -> graph.frameBounds(new FlameFrame(sandwich.callers(), caller)));
        assertThat(callerBounds.getMaxY()).as("a caller is drawn above the method").isLessThanOrEqualTo(callersMethod.getMinY() + 0.5);
        FlameFrame hit = onFx(() -> graph.frameAt(callerBounds.getCenterX(), callerBounds.getCenterY()));
        assertThat(hit.tree()).isSameAs(sandwich.callers());
        assertThat(hit.nodeIndex()).isEqualTo(caller);
        Bounds screen = onFx(() -> graph.localToScreen(calleesMethod));
        robot.clickOn(new javafx.geometry.Point2D(screen.getCenterX(), screen.getCenterY()));
        robot.type(KeyCode.UP);
        assertThat(onFx(() -> graph.getSelectedFrame().name())).as("the hidden root is not selected").isEqualTo(SORT_LOOP);
        robot.type(KeyCode.DOWN);
        assertThat(onFx(() -> graph.getSelectedFrame().name())).isEqualTo("java.util.Arrays.sort");
        assertThat(onFx(() -> graph.getSelectedFrame().tree())).isSameAs(sandwich.callees());
        FlameGraphImages.renderPng(sandwich.callees(), FlameRenderOptions.defaults().withCallers(sandwich.callers()),
                FlameGraphImagesTest.OUT.resolve("demo-jdk25-sandwich-sortLoop.png"));
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
