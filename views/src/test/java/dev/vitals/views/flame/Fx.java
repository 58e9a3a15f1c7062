package dev.vitals.views.flame;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Shows the control and reads its state on the JavaFX thread from a test. */
final class Fx {
    /** Shows a flame graph of {@link TestTrees#demo()} in a 1000 × 500 scene on the stage, zooming without animation. */
    static FlameGraph showDemoGraph(Stage stage) {
        FlameGraph graph = new FlameGraph(TestTrees.demo());
        graph.setZoomAnimation(Duration.ZERO);
        stage.setScene(new Scene(graph, 1000, 500));
        stage.sizeToScene(); // TestFX reuses one stage, which an earlier test may have resized
        stage.show();
        return graph;
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private Fx() {
    }
}
