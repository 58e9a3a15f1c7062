package dev.vitals.views.flame;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.query.CallTree;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The path above a zoomed flame graph names each frame by its method, even when the graph is narrow. */
@ExtendWith(ApplicationExtension.class)
class FlamePathTest {
    private static final List<String> PATH = List.of("java.lang.Thread.run",
            "dev.vitals.demo.DemoWorkload$$Lambda.0x000000001d046c38.run",
            "dev.vitals.demo.DemoWorkload.lambda$startThreads$0", "dev.vitals.demo.DemoWorkload.workerLoop",
            "dev.vitals.demo.Work.hashLoop");
    private FlameGraph graph;

    @Start
    void start(Stage stage) {
        graph = new FlameGraph(CallTree.fromCollapsed(String.join(";", PATH) + " 10\njava.lang.Thread.run;x.Y.z 3"));
        stage.setScene(new Scene(graph, 420, 300));
        stage.show();
    }

    @Test
    void eachStepOfANarrowPathKeepsItsMethod(FxRobot robot) throws Exception {
        robot.interact(() -> graph.setZoomedFrame(graph.frame(PATH)));
        WaitForAsyncUtils.waitForFxEvents();
        List<Hyperlink> links = Fx.onFx(() -> graph.lookupAll(".flame-breadcrumb-item").stream()
                .map(Hyperlink.class::cast).toList());
        assertThat(links).hasSizeGreaterThan(3);
        for (Hyperlink link : links) {
            String full = link.getTooltip().getText();
            String method = full.substring(full.lastIndexOf('.') + 1);
            String shown = Fx.onFx(() -> link.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                    .map(n -> ((Text) n).getText()).findFirst().orElse(link.getText()));
            assertThat(shown).as(full).endsWith(method).doesNotContain("0x");
        }
    }
}
