package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vitals.views.events.EventTable;
import dev.vitals.views.flame.FlameGraph;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.zip.GZIPInputStream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real recording without CPU samples (JMC's {@code io_test}: file and socket events only, none
 * with a stack) opens with its most frequent event type chosen in the Events selector and says so,
 * and that those events have no stacks to draw, instead of an empty selector over "No samples in
 * the selection".
 */
@ExtendWith(ApplicationExtension.class)
class NoCpuSamplesTest {
    private static final Path IO_TEST = Path.of(System.getProperty("vitals.corpus", "../../shared/corpus"))
            .resolve("io_test.jfr.gz");

    @TempDir
    Path temp;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Preferences.userRoot().node("dev/vitals/test"));
        window.show();
    }

    @AfterEach
    void endWhatTheWindowStarted(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    @Test
    void anIoRecordingChoosesItsMostFrequentEventTypeAndSaysWhatItLacks(FxRobot robot) throws Exception {
        assumeTrue(Files.isRegularFile(IO_TEST), "the shared corpus is absent (" + IO_TEST.toAbsolutePath() + ")");
        Path recording = temp.resolve("io_test.jfr");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(IO_TEST));
             OutputStream out = Files.newOutputStream(recording)) {
            in.transferTo(out);
        }
        robot.interact(() -> window.open(recording));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#flame-graph").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<String> events = robot.lookup("#event-type").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "jdk.FileRead".equals(events.getValue()));
        Label info = robot.lookup("#profile-info").queryAs(Label.class);
        Label empty = robot.lookup("#flame-empty").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> empty.getText().startsWith("No CPU samples"));
        WaitForAsyncUtils.waitForFxEvents();

        // jfr summary: 9212 jdk.FileRead, 4653 jdk.FileWrite, 373 jdk.SocketWrite, 209 jdk.SocketRead, none with a stack
        assertThat(SessionTabsTest.onFx(() -> List.copyOf(events.getItems())))
                .containsExactly("jdk.FileRead", "jdk.FileWrite", "jdk.SocketWrite", "jdk.SocketRead");
        assertThat(SessionTabsTest.onFx(info::getText)).contains("no CPU samples: showing jdk.FileRead events");
        assertThat(SessionTabsTest.onFx(empty::isVisible)).isTrue();
        assertThat(SessionTabsTest.onFx(empty::getText)).isEqualTo("No CPU samples, and the jdk.FileRead events carry"
                + " no stacks: see them in the Events tab and the Latency heatmap");
        FlameGraph flame = robot.lookup("#flame-graph").queryAs(FlameGraph.class);
        assertThat(SessionTabsTest.onFx(() -> flame.getCallTree().total(0))).as("the reads' durations").isPositive();
        EventTable table = robot.lookup("#events").queryAs(EventTable.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getEvents() != null && table.getEvents().total() > 0);
    }
}
