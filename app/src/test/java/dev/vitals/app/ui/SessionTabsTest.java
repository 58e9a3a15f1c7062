package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.HotMethod;
import dev.vitals.views.flame.FlameGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a user drives it: open a recording, open a bad file, watch the demo live. */
@ExtendWith(ApplicationExtension.class)
class SessionTabsTest {
    static final Path RECORDING = Path.of("../model/src/test/resources/recordings/demo-jdk25-default.jfr");

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Preferences.userRoot().node("dev/vitals/test"));
        window.show();
    }

    @Test
    void anOpenedRecordingShowsItsFlameGraphAndHotMethods(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(RECORDING));
        FlameGraph flame = awaitNode(robot, "#flame-graph", FlameGraph.class, Duration.ofSeconds(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> flame.getCallTree() != null && flame.getCallTree().total(0) > 0);
        WaitForAsyncUtils.waitForFxEvents();
        CallTree tree = flame.getCallTree();
        int hash = firstNodeNamed(tree, "dev.vitals.demo.Work.hashLoop");
        assertThat(100.0 * tree.total(hash) / tree.total(0)).isBetween(45.0, 75.0);
        @SuppressWarnings("unchecked")
        TableView<HotMethod> hot = robot.lookup("#hot-methods").queryAs(TableView.class);
        assertThat(hot.getItems().get(0).method()).isEqualTo("dev.vitals.demo.Work.hashLoop");
        assertThat(robot.lookup("#profile-info").queryAs(Label.class).getText())
                .contains("demo-jdk25-default.jfr").contains("25.0");
        assertThat(((Stage) flame.getScene().getWindow()).getTitle()).isEqualTo("Vitals — demo-jdk25-default.jfr");
    }

    @Test
    void aFileThatIsNotARecordingSaysSoInWords(FxRobot robot, @TempDir Path dir) throws Exception {
        Path notJfr = Files.writeString(dir.resolve("notes.jfr"), "these are not the bytes of a recording\n");
        robot.interact(() -> window.open(notJfr));
        Label message = awaitNode(robot, "#failure-message", Label.class, Duration.ofSeconds(30));
        assertThat(message.getText()).contains("notes.jfr").doesNotContain("Exception");
    }

    @Test
    void theDemoWatchedLiveFillsTheFlameGraphWithinSecondsOfAttaching(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                window.startDemo(DemoWorkloadProcess.command(Duration.ofSeconds(60), 1, Duration.ofSeconds(2)));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> robot.lookup("#live-status").tryQuery().isPresent()
                || robot.lookup("#failure-message").tryQuery().isPresent());
        assertThat(robot.lookup("#failure-message").tryQuery()).as("attach failure").isEmpty();
        Label status = robot.lookup("#live-status").queryAs(Label.class);
        FlameGraph flame = robot.lookup("#flame-graph").queryAs(FlameGraph.class);
        long attached = System.nanoTime();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> flame.getCallTree() != null
                && firstNodeNamed(flame.getCallTree(), "dev.vitals.demo.Work.hashLoop") > 0);
        assertThat(Duration.ofNanos(System.nanoTime() - attached)).isLessThan(Duration.ofSeconds(15));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Live"));
        robot.interact(() -> window.closeAll());
    }

    private static int firstNodeNamed(CallTree tree, String name) {
        for (int i = 0; i < tree.size(); i++) {
            if (tree.name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static <T extends javafx.scene.Node> T awaitNode(FxRobot robot, String query, Class<T> type, Duration timeout) throws Exception {
        WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }
}
