package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static dev.vitals.app.ui.SessionTabsTest.present;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
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
 * A live tab's life as a user ends it: Ctrl+W asks while it records (as the window's close does),
 * Stop and Save packs the session so it is not offered as unfinished later; the demo workload
 * Vitals started ends with its session (closed or stopped); a session written by Stop is in Recent;
 * the status line keeps its messages apart.
 */
@ExtendWith(ApplicationExtension.class)
class LiveTabLifecycleTest {
    @TempDir
    Path dir;
    private Preferences preferences;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        preferences = Preferences.userRoot().node("dev/vitals/test-live-tab");
        preferences.clear();
        preferences.put(SessionFolders.LOCATION_KEY, dir.resolve("sessions").toString());
        stage = primary;
        preferences.putBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, false); // not about them: no finding notification over the alerts'
        window = new MainWindow(stage, preferences);
        window.show();
        // inside the headless screen, so the confirmation dialog centred on it stays inside too
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1100);
        stage.setHeight(700);
    }

    @AfterEach
    void endWhatTheWindowStarted(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    /** Starts the demo in a live tab and waits until data arrives; returns the demo's process. */
    private ProcessHandle startDemo(FxRobot robot) throws Exception {
        SessionTabsTest.startDemoAndAttach(robot, window);
        LiveTab tab = onFx(() -> (LiveTab) find(robot, "#sessions", TabPane.class).getSelectionModel().getSelectedItem());
        long pid = ((LiveTarget.Local) tab.target()).pid();
        ProcessHandle demo = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("the demo " + pid + " is gone"));
        Label status = find(robot, "#live-status", Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("Live")
                && status.getText().contains("MB") && !status.getText().contains(" 0.0 MB"));
        return demo;
    }

    private void ctrlW(FxRobot robot) {
        robot.clickOn("#selection");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
    }

    private List<Path> sessionsFolder() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("sessions"))) {
            return files.toList();
        }
    }

    @Test
    void ctrlWAsksAndStopAndSaveLeavesNothingUnfinishedAndEndsTheDemo(FxRobot robot) throws Exception {
        ProcessHandle demo = startDemo(robot);

        ctrlW(robot);
        awaitShown(robot, "#close-cancel");
        robot.clickOn("#close-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(present(robot, "#live-status")).as("cancel keeps the tab").isTrue();
        assertThat(demo.isAlive()).isTrue();

        ctrlW(robot);
        awaitShown(robot, "#close-save");
        robot.clickOn("#close-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !present(robot, "#live-status"));
        assertThat(sessionsFolder()).singleElement()
                .satisfies(f -> assertThat(f.getFileName().toString()).endsWith(".vitals"));
        assertThat(new SessionFolders(preferences).unfinished()).as("offered as unfinished at the next start").isEmpty();
        assertThat(new RecentFiles(preferences).list()).containsExactlyElementsOf(sessionsFolder());
        assertThat(demo.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the demo ends with its session").isFalse();
    }

    @Test
    void stopEndsTheDemoAndPutsTheSessionInRecent(FxRobot robot) throws Exception {
        ProcessHandle demo = startDemo(robot);
        robot.clickOn("#stop");
        Label status = find(robot, "#live-status", Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().contains("saved to"));
        assertThat(demo.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("the demo ends with its session").isFalse();
        Optional<Path> saved = sessionsFolder().stream().filter(f -> f.toString().endsWith(".vitals")).findFirst();
        assertThat(saved).isPresent();
        assertThat(new RecentFiles(preferences).list()).containsExactly(saved.get());
        assertThat(new SaveDialog(preferences, new SessionFolders(preferences), new RecentFiles(preferences))
                .initialFolder()).as("the Save dialog opens in the sessions folder").isEqualTo(dir.resolve("sessions"));

        // The status line keeps two messages apart: side by side with a gap, or the notice on a line below.
        Label notice = find(robot, "#live-notice", Label.class);
        robot.interact(() -> notice.setText("Saved demo-session.vitals"));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds statusBounds = onFx(() -> status.localToScene(status.getLayoutBounds()));
        Bounds noticeBounds = onFx(() -> notice.localToScene(notice.getLayoutBounds()));
        assertThat(noticeBounds.getMinX() - statusBounds.getMaxX() >= 6 || noticeBounds.getMinY() >= statusBounds.getMaxY())
                .as("a gap between the live status %s and the notice %s", statusBounds, noticeBounds).isTrue();
    }

    @Test
    void theSaveDialogOpensWhereTheUserLastSaved() throws Exception {
        SaveDialog dialog = new SaveDialog(preferences, new SessionFolders(preferences), new RecentFiles(preferences));
        assertThat(dialog.initialFolder()).as("no sessions folder yet, no folder saved into").isNull();
        Files.createDirectories(dir.resolve("sessions"));
        assertThat(dialog.initialFolder()).isEqualTo(dir.resolve("sessions"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path file = Files.writeString(elsewhere.resolve("mine.vitals"), "x");
        dialog.saved(file);
        assertThat(dialog.initialFolder()).isEqualTo(elsewhere);
        assertThat(new RecentFiles(preferences).list()).containsExactly(file);
    }

    /** Waits for a node (a dialog's button, say) to be in a window that is showing. */
    static void awaitShown(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
