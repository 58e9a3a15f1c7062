package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.find;
import static dev.vitals.app.ui.SessionTabsTest.present;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.attach.RemoteAddress;
import dev.vitals.attach.SavedConnections;
import dev.vitals.views.flame.FlameGraph;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A demo JVM with a password-protected JMX port, added through "Add remote JVM…", watched live,
 * then reached again from the saved list with a wrong password, and removed.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteJvmTest {
    private static final String USER = "vitals";
    private static final String PASSWORD = "s3cret-pass";

    @TempDir
    static Path files;
    static Process demo;
    static int port;

    private MainWindow window;

    @BeforeAll
    static void startDemoWithJmxPort() throws Exception {
        Path passwords = Files.writeString(files.resolve("jmxremote.password"), USER + " " + PASSWORD + "\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path access = Files.writeString(files.resolve("jmxremote.access"), USER + " readwrite\n");
        Files.setPosixFilePermissions(access, PosixFilePermissions.fromString("rw-------"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(DemoWorkloadProcess.command(Duration.ofSeconds(120), 1, Duration.ofSeconds(2)));
        command.addAll(1, List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.password.file=" + passwords,
                "-Dcom.sun.management.jmxremote.access.file=" + access,
                "-Djava.rmi.server.hostname=127.0.0.1"));
        demo = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, RemoteJvmTest::portOpen);
        Files.deleteIfExists(SessionFolders.dataHome().resolve("connections.txt"));
    }

    @AfterAll
    static void stopDemo() {
        demo.destroy();
    }

    @Start
    void start(Stage stage) throws Exception {
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-remote");
        preferences.clear();
        preferences.putBoolean(PreferencesDialog.FINDING_NOTIFICATIONS, false); // not about them: no finding notification over the alerts'
        window = new MainWindow(stage, preferences);
        window.show();
    }

    @AfterEach
    void endWhatTheWindowStarted(FxRobot robot) {
        robot.interact(() -> window.closeAll());
    }

    @Test
    void addedThroughTheDialogItStreamsLiveAndAWrongPasswordSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#add-remote");
        robot.clickOn("#remote-host").write("127.0.0.1");
        robot.clickOn("#remote-port").write(Integer.toString(port));
        robot.clickOn("#remote-user").write(USER);
        robot.clickOn("#remote-password").write(PASSWORD);
        robot.clickOn("#remote-connect");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> present(robot, "#live-status")
                || present(robot, "#failure-message"));
        assertThat(robot.lookup("#failure-message").tryQuery()).as("connect failure").isEmpty();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> present(robot, "#flame-graph"));
        FlameGraph flame = find(robot, "#flame-graph", FlameGraph.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> DemoRecording.firstNodeNamed(flame.getCallTree(), "dev.vitals.demo.Work.hashLoop") > 0);
        TabPane tabs = find(robot, "#sessions", TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo(USER + "@127.0.0.1:" + port);

        // Saved without its password, listed under the local JVMs.
        @SuppressWarnings("unchecked")
        ListView<RemoteAddress> saved = find(robot, "#remote-list", ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> saved.getItems().size() == 1);
        Path connections = SessionFolders.dataHome().resolve("connections.txt");
        assertThat(SavedConnections.load(connections)).extracting(RemoteAddress::hostPort).containsExactly("127.0.0.1:" + port);
        assertThat(Files.readString(connections)).doesNotContain(PASSWORD);

        robot.interact(() -> {
            LiveTab live = (LiveTab) tabs.getSelectionModel().getSelectedItem();
            live.close();
            tabs.getTabs().remove(live);
        });

        // Double-click the saved connection: the password is asked for; a wrong one is an error in words, in time.
        robot.doubleClickOn((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().startsWith(USER + "@127.0.0.1:" + port));
        robot.clickOn("#password-prompt").write("wrong");
        long asked = System.nanoTime();
        robot.clickOn("#password-connect");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> present(robot, "#failure-message"));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
        assertThat(find(robot, "#failure-message", Label.class).getText())
                .isEqualTo("JMX at 127.0.0.1:" + port + " rejected user '" + USER + "' or its password.");

        // Remove forgets it.
        robot.clickOn("#remove-remote");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> saved.getItems().isEmpty());
        assertThat(SavedConnections.load(connections)).isEmpty();
    }

    private static boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
