package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.present;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.app.RecordingFiles;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.query.HotMethod;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Selection;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.SessionDiagnostics;
import dev.vitals.model.session.SessionManifest;
import dev.vitals.views.flame.FlameGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Live session folders left unfinished are offered at start; closing while recording asks first. */
@ExtendWith(ApplicationExtension.class)
class RecoveryTest {
    private static final String HASH_LOOP = "dev.vitals.demo.Work.hashLoop";

    @TempDir
    Path dir;

    private Preferences preferences(String node) throws Exception {
        Preferences preferences = Preferences.userRoot().node("dev/vitals/" + node);
        preferences.clear();
        preferences.put(SessionFolders.LOCATION_KEY, dir.resolve("sessions").toString());
        return preferences;
    }

    private Stage window(FxRobot robot, Preferences preferences, MainWindow[] made) {
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            made[0] = new MainWindow(stage[0], preferences);
            made[0].show();
        });
        return stage[0];
    }

    @Test
    void anUnfinishedFolderIsOfferedOpensAndCanBeDiscarded(FxRobot robot) throws Exception {
        Path folder = dir.resolve("sessions/20261125-120000-pid4242");
        LiveSessionFolder live = LiveSessionFolder.create(folder, SessionManifest.empty("test"));
        Files.copy(DemoRecording.FILE, live.recordingDirectory().resolve("2026_11_25_12_00_00.jfr"));
        // a histogram the session kept in its folder as it was taken (LiveTab keeps them there at once)
        live.writeDiagnostics(new SessionDiagnostics(List.of(new SessionDiagnostics.Histogram(
                HeapHistogram.parse("   1:  18265  968016  [B (java.base@25.0.3)\n", 1, true), null))));
        Stage stage = window(robot, preferences("test-recovery"), new MainWindow[1]);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, ".open-unfinished"));
        assertThat(robot.lookup("20261125-120000-pid4242").tryQuery()).isPresent();
        robot.clickOn(".open-unfinished");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> present(robot, "#flame-graph"));
        FlameGraph flame = find(robot, "#flame-graph", FlameGraph.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> DemoRecording.firstNodeNamed(flame.getCallTree(), HASH_LOOP) > 0);
        assertThat(stage.getTitle()).isEqualTo("Vitals — 20261125-120000-pid4242");
        assertThat(find(robot, "#kept-diagnostics", Label.class).getText())
                .isEqualTo("Kept with this session: 0 thread dumps, 1 heap histogram");

        TabPane tabs = find(robot, "#sessions", TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        robot.clickOn(".discard-unfinished");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(folder));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#unfinished").query().isVisible());
        robot.interact(stage::close);
    }

    @Test
    void savingAnUnfinishedFolderPacksItAndRemovesTheFolder() throws Exception {
        Path folder = dir.resolve("sessions/20261125-130000-pid4243");
        LiveSessionFolder live = LiveSessionFolder.create(folder, SessionManifest.empty("test"));
        Files.copy(DemoRecording.FILE, live.recordingDirectory().resolve("2026_11_25_13_00_00.jfr"));
        Path saved = UnfinishedSessions.save(folder, dir.resolve("kept.vitals"));
        assertThat(folder).doesNotExist();
        assertThat(new SessionFolders(preferences("test-recovery-save")).unfinished()).isEmpty();
        assertThat(HotMethods.of(RecordingFiles.open(saved).snapshot(), Selection.cpu(), 1))
                .extracting(HotMethod::method).containsExactly(HASH_LOOP);
    }

    @Test
    void closingWhileRecordingAsksAndStopAndSavePacksTheSession(FxRobot robot) throws Exception {
        Preferences preferences = preferences("test-recovery-close");
        MainWindow[] window = new MainWindow[1];
        Stage stage = window(robot, preferences, window);
        robot.interact(() -> {
            try {
                window[0].startDemo(DemoWorkloadProcess.command(Duration.ofSeconds(60), 1, Duration.ofSeconds(2)));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> present(robot, "#live-status")
                || present(robot, "#failure-message"));
        assertThat(robot.lookup("#failure-message").tryQuery().map(n -> ((Label) n).getText())).as("attach failure").isEmpty();
        Label status = find(robot, "#live-status", Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith("Live") && status.getText().contains("MB"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !status.getText().contains(" 0.0 MB"));

        // Cancel: the window stays and keeps recording.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        awaitShown(robot, "#close-cancel");
        robot.clickOn("#close-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(status.getText()).startsWith("Live");

        // Stop and save: the window closes once the session is packed beside its folder.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        awaitShown(robot, "#close-save");
        robot.clickOn("#close-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !stage.isShowing());
        Path root = dir.resolve("sessions");
        List<Path> left;
        try (Stream<Path> files = Files.list(root)) {
            left = files.toList();
        }
        assertThat(left).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).endsWith(".vitals"));
        assertThat(HotMethods.of(RecordingFiles.open(left.getFirst()).snapshot(), Selection.cpu(), 5))
                .extracting(HotMethod::method).contains(HASH_LOOP);
    }

    private static void awaitShown(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
