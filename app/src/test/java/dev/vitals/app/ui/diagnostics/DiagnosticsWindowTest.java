package dev.vitals.app.ui.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.attach.Connection;
import dev.vitals.attach.DiagnosticCommand;
import dev.vitals.attach.Diagnostics;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.RemoteAddress;
import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.ThreadDump;
import dev.vitals.model.session.SessionDiagnostics;
import dev.vitals.views.PngWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.management.MBeanOperationInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The diagnostics window on demo JVMs (JDK 25 and 17) started with {@code --deadlock 1s --leak 2000},
 * reached over local attach and over JMX with a password: the thread view shows the demo's
 * deadlock, the histogram diff shows the leaked class growing, the jcmd console runs VM.version and
 * Thread.print (asking before a command that changes the JVM) and writes a heap dump after asking,
 * and the MBean browser reads {@code java.lang:type=Memory} and invokes {@code gc()} after asking.
 */
@ExtendWith(ApplicationExtension.class)
class DiagnosticsWindowTest {
    /** Where the machine's JDK 17 lies (the JDK 17 tests are skipped, saying so, when it is missing). */
    static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");

    @TempDir
    static Path files;
    /** A demo JVM, with the JMX port it listens on for controlRole. */
    record Demo(Process process, int port) {
        long pid() {
            return process.pid();
        }

        Connection remote() throws Exception {
            return Connection.remote(new RemoteAddress("127.0.0.1", port, "controlRole", "s3cret".toCharArray(), false),
                    Duration.ofSeconds(30));
        }
    }

    static Demo demo;
    static Demo demo17;

    private Stage owner;
    private Connection connection;
    private DiagnosticsWindow window;

    @BeforeAll
    static void startDemos() throws Exception {
        demo = startDemo(null);
        demo17 = Files.isExecutable(JDK17.resolve("bin/java")) ? startDemo(JDK17) : null;
    }

    /** Starts the demo on {@code javaHome}'s java (null: the build's JDK) with a password-protected JMX port. */
    private static Demo startDemo(Path javaHome) throws Exception {
        Path passwords = files.resolve("jmxremote.password");
        if (!Files.exists(passwords)) {
            Files.writeString(passwords, "controlRole s3cret\n");
            Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        }
        int jmxPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            jmxPort = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(DemoWorkloadProcess.command(Duration.ofSeconds(150), 1, null));
        if (javaHome != null) {
            command.set(0, javaHome.resolve("bin/java").toString());
        }
        command.addAll(1, List.of("-Xmx128m", "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.ssl=false", "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.password.file=" + passwords));
        command.addAll(List.of("--deadlock", "1s", "--leak", "2000"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> portOpen(jmxPort)
                && LocalJvms.describe(process.pid()).filter(j -> j.attachable()).isPresent());
        return new Demo(process, jmxPort);
    }

    @AfterAll
    static void stopDemos() throws InterruptedException {
        for (Demo d : new Demo[] {demo, demo17}) {
            if (d != null) {
                d.process().destroy();
                d.process().waitFor();
            }
        }
    }

    @Start
    void start(Stage stage) {
        owner = stage;
        // the application's look (AtlantaFX Primer), whose colours the views use
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new Label("owner"), 200, 100));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) {
            robot.interact(window::close);
        }
        if (connection != null) {
            connection.close();
        }
    }

    private DiagnosticsKept open(FxRobot robot, Connection to) throws Exception {
        connection = to;
        DiagnosticsKept kept = onFx(() -> new DiagnosticsKept(SessionDiagnostics.none()));
        robot.interact(() -> {
            window = new DiagnosticsWindow(owner, "demo", new Diagnostics(to), kept);
            window.show();
        });
        return kept;
    }

    @Test
    void theThreadViewShowsTheDemosDeadlockOverLocalAttach(FxRobot robot) throws Exception {
        DiagnosticsKept kept = open(robot, Connection.attach(demo.pid(), Duration.ofSeconds(30)));
        assertTheDeadlockShown(robot, kept);

        screenshot(robot, "threads-deadlock.png");

        // Only the deadlocked threads, then a search by frame.
        @SuppressWarnings("unchecked")
        TableView<DumpedThread> table = robot.lookup("#threads").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> states = robot.lookup("#state-filter").queryAs(ComboBox.class);
        robot.interact(() -> states.setValue("Deadlocked"));
        assertThat(onFx(() -> table.getItems().stream().map(DumpedThread::name).toList()))
                .containsExactlyInAnyOrder("deadlock-a", "deadlock-b");
        robot.interact(() -> states.setValue("All states"));
        robot.clickOn("#thread-search").write("lockInOrder");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().stream().map(DumpedThread::name).toList()))
                .containsExactlyInAnyOrder("deadlock-a", "deadlock-b");

        // A second dump compared with the first: the deadlocked threads stayed blocked.
        robot.clickOn("#take-dump");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> kept.threadDumps().size()) >= 2);
        @SuppressWarnings("unchecked")
        ComboBox<ThreadDump> compare = robot.lookup("#compare-with").queryAs(ComboBox.class);
        robot.interact(() -> compare.setValue(kept.threadDumps().getFirst()));
        robot.interact(() -> states.setValue("Stayed blocked"));
        assertThat(robot.lookup("#stayed-summary").queryAs(Label.class).getText()).contains("same held lock");
        assertThat(onFx(() -> table.getItems().stream().map(DumpedThread::name).toList()))
                .contains("deadlock-a", "deadlock-b");

        // Saved as text in the jstack layout.
        ThreadsView view = robot.lookup("#threads-view").queryAs(ThreadsView.class);
        Path text = files.resolve("threads.txt");
        onFx(() -> view.saveText(kept.threadDumps().getLast(), text)).get(10, TimeUnit.SECONDS);
        assertThat(Files.readString(text)).contains("Found one Java-level deadlock:", "\"deadlock-a\"",
                "\tat dev.vitals.demo.Work.lockInOrder(Work.java:");
    }

    @Test
    void theThreadViewShowsTheDeadlockOverJmxWithAPassword(FxRobot robot) throws Exception {
        DiagnosticsKept kept = open(robot, demo.remote());
        assertTheDeadlockShown(robot, kept);
    }

    /** Takes dumps until the demo has deadlocked; the ring is drawn, its threads marked, their frames highlighted. */
    private static void assertTheDeadlockShown(FxRobot robot, DiagnosticsKept kept) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !kept.threadDumps().isEmpty()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (onFx(() -> kept.threadDumps().getLast().deadlocks().isEmpty()) && System.nanoTime() < end) {
            int before = onFx(() -> kept.threadDumps().size());
            robot.clickOn("#take-dump");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> kept.threadDumps().size()) > before);
        }
        WaitForAsyncUtils.waitForFxEvents();
        Label heading = onFx(() -> (Label) robot.lookup(".deadlock-heading").query());
        assertThat(heading.getText()).matches("Deadlock: deadlock-(a|b) → deadlock-(a|b) → deadlock-(a|b)")
                .contains("deadlock-a", "deadlock-b");
        assertThat(robot.lookup(".deadlock-graph").tryQuery()).isPresent();
        // the first deadlocked thread is chosen and scrolled to; rows of deadlocked threads are marked
        assertThat(onFx(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getPseudoClassStates().contains(PseudoClass.getPseudoClass("deadlocked")))
                .map(r -> ((DumpedThread) r.getItem()).name()).toList())).isNotEmpty()
                .allSatisfy(name -> assertThat(name).isIn("deadlock-a", "deadlock-b"));
        @SuppressWarnings("unchecked")
        ListView<ThreadsView.StackLine> stack = robot.lookup("#stack").queryAs(ListView.class);
        List<ThreadsView.StackLine> lines = onFx(() -> List.copyOf(stack.getItems()));
        assertThat(lines).filteredOn(ThreadsView.StackLine::involved).extracting(ThreadsView.StackLine::text)
                .anySatisfy(t -> assertThat(t).startsWith("at dev.vitals.demo.Work.lockInOrder(Work.java:"))
                .anySatisfy(t -> assertThat(t).startsWith("  - waiting to lock <0x").contains("held by \"deadlock-"))
                .anySatisfy(t -> assertThat(t).startsWith("  - locked <0x"));
        assertThat(lines).filteredOn(l -> !l.involved()).extracting(ThreadsView.StackLine::text)
                .anySatisfy(t -> assertThat(t).startsWith("at java.lang.Thread.run"));
    }

    @Test
    void theHistogramDiffShowsTheLeakedClassGrowing(FxRobot robot) throws Exception {
        DiagnosticsKept kept = open(robot, Connection.attach(demo.pid(), Duration.ofSeconds(30)));
        robot.clickOn("#histogram-tab");
        robot.clickOn("#take-histogram");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> kept.histograms().size()) == 1);
        Thread.sleep(2000);
        robot.clickOn("#take-histogram");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> kept.histograms().size()) == 2);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<HistogramView.Line> table = robot.lookup("#histogram").queryAs(TableView.class);
        HistogramView.Line leak = onFx(() -> table.getItems().stream()
                .filter(l -> l.className().equals("dev.vitals.demo.Leak")).findFirst().orElseThrow());
        // the demo keeps 2000 a second: about that many times the seconds between the two histograms
        double seconds = onFx(() -> kept.histograms().get(1).takenEpochMillis() - kept.histograms().get(0).takenEpochMillis()) / 1e3;
        assertThat(leak.instancesDelta()).as("Leak objects kept in %.1f s", seconds)
                .isBetween(Math.round(2000 * (seconds - 1)), Math.round(2000 * (seconds + 1)));
        screenshot(robot, "histogram-diff.png");
        robot.clickOn("#grown-only");
        robot.clickOn("#class-filter").write("demo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getItems().stream().map(HistogramView.Line::className).toList()))
                .containsExactly("dev.vitals.demo.Leak");
        assertThat(robot.lookup("#histogram-status").queryAs(Label.class).getText()).startsWith("Compared with ");
    }

    @Test
    void theJcmdConsoleRunsVersionAndThreadPrintAndAsksBeforeGcRun(FxRobot robot) throws Exception {
        open(robot, Connection.attach(demo.pid(), Duration.ofSeconds(30)));
        assertTheConsoleRunsVersionAndThreadPrint(robot, Runtime.version().feature());

        ListView<DiagnosticCommand> commands = commands(robot);
        TextArea output = robot.lookup("#command-output").queryAs(TextArea.class);
        robot.doubleClickOn("#command-filter").write("GC.run");
        robot.interact(() -> commands.getSelectionModel().select(commands.getItems().stream()
                .filter(c -> c.name().equals("GC.run")).findFirst().orElseThrow()));
        robot.clickOn("#run-command");
        DialogPane ask = awaitDialog(robot);
        assertThat(ask.getHeaderText()).isEqualTo("GC.run changes the JVM");
        assertThat(ask.getContentText()).contains("runs a full garbage collection");
        robot.clickOn(ask.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(output.getText()).doesNotContain("> GC.run");
    }

    /** On a JDK 17 target: the deadlock over local attach and over JMX with a password, and the console. */
    @Test
    void onAJdk17JvmTheDeadlockShowsOverLocalAttachAndJmxAndTheConsoleRunsItsCommands(FxRobot robot) throws Exception {
        assumeTrue(demo17 != null, "no JDK 17 at " + JDK17);
        assertTheDeadlockShown(robot, open(robot, Connection.attach(demo17.pid(), Duration.ofSeconds(30))));
        assertThat(connection.identity().jdkVersion()).startsWith("17");
        assertTheConsoleRunsVersionAndThreadPrint(robot, 17);
        robot.interact(window::close);
        connection.close();

        assertTheDeadlockShown(robot, open(robot, demo17.remote()));
        assertThat(connection.identity().jdkVersion()).startsWith("17");
    }

    @SuppressWarnings("unchecked")
    private static ListView<DiagnosticCommand> commands(FxRobot robot) {
        return robot.lookup("#commands").queryAs(ListView.class);
    }

    /** The Commands tab runs VM.version (the target's JDK {@code feature}) and Thread.print (the demo's deadlock). */
    private static void assertTheConsoleRunsVersionAndThreadPrint(FxRobot robot, int feature) throws Exception {
        robot.clickOn("#jcmd-tab");
        ListView<DiagnosticCommand> commands = commands(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !commands.getItems().isEmpty()));
        TextArea output = robot.lookup("#command-output").queryAs(TextArea.class);
        robot.doubleClickOn("#command-filter").write("VM.version");
        robot.interact(() -> commands.getSelectionModel().select(0));
        assertThat(robot.lookup("#command-help").queryAs(TextArea.class).getText()).startsWith("VM.version\n");
        robot.clickOn("#run-command");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> output.getText().contains("JDK ")));
        assertThat(output.getText()).startsWith("> VM.version\n").containsPattern("JDK " + feature + "(\\.|\\n)");

        robot.doubleClickOn("#command-filter").write("Thread.print");
        robot.interact(() -> commands.getSelectionModel().select(commands.getItems().stream()
                .filter(c -> c.name().equals("Thread.print")).findFirst().orElseThrow()));
        robot.clickOn("#run-command");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> output.getText().contains("> Thread.print\n")
                && output.getText().contains("Found one Java-level deadlock:")));
        assertThat(output.getText()).contains("\"deadlock-a\"", "\"deadlock-b\"", "dev.vitals.demo.Work.lockInOrder");
    }

    /**
     * Heap Dump… (after the file is chosen) says what it costs and where the file goes, then the
     * target writes an hprof file: over JMX with a password (the file is the JVM's, said so), then
     * over local attach to the same file, which the user chose to replace.
     */
    @Test
    void theHeapDumpAsksThenTheJvmWritesAnHprofFile(FxRobot robot) throws Exception {
        Path heap = files.resolve("demo.hprof");
        open(robot, demo.remote());
        robot.clickOn("#jcmd-tab");
        JcmdView view = robot.lookup("#jcmd-view").queryAs(JcmdView.class);
        TextArea output = robot.lookup("#command-output").queryAs(TextArea.class);

        robot.interact(() -> Platform.runLater(() -> view.heapDumpTo(heap)));
        DialogPane ask = awaitDialog(robot);
        assertThat(ask.getHeaderText()).isEqualTo("A heap dump pauses the JVM");
        assertThat(ask.getContentText()).contains(heap + " on the JVM's machine (127.0.0.1:" + demo.port() + "), not this one,",
                "stops the application", "about as large as the used heap");
        robot.clickOn(ask.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(heap).doesNotExist();

        robot.interact(() -> Platform.runLater(() -> view.heapDumpTo(heap)));
        robot.clickOn(awaitDialog(robot).lookupButton(javafx.scene.control.ButtonType.OK));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> output.getText().contains("Written to ")));
        assertThat(output.getText()).contains("> heap dump\nWritten to " + heap + " on 127.0.0.1:" + demo.port());
        assertHprof(heap);
        robot.interact(window::close);
        connection.close();

        open(robot, Connection.attach(demo.pid(), Duration.ofSeconds(30)));
        robot.clickOn("#jcmd-tab");
        JcmdView local = robot.lookup("#jcmd-view").queryAs(JcmdView.class);
        long before = Files.getLastModifiedTime(heap).toMillis();
        robot.interact(() -> Platform.runLater(() -> local.heapDumpTo(heap)));
        DialogPane again = awaitDialog(robot);
        assertThat(again.getContentText()).startsWith("Writing every live object to " + heap + " stops the application");
        robot.clickOn(again.lookupButton(javafx.scene.control.ButtonType.OK));
        Label status = robot.lookup("#jcmd-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !status.getText().isEmpty()
                && !status.getText().startsWith("Writing")));
        assertThat(status.getText()).isEqualTo("Heap dump written to " + heap);
        assertThat(Files.getLastModifiedTime(heap).toMillis()).as("replaced").isGreaterThanOrEqualTo(before);
        assertHprof(heap);
    }

    /** A whole hprof file: its magic, and more than the demo's leak alone. */
    private static void assertHprof(Path heap) throws Exception {
        try (InputStream in = Files.newInputStream(heap)) {
            assertThat(new String(in.readNBytes(18), StandardCharsets.US_ASCII)).isEqualTo("JAVA PROFILE 1.0.2");
        }
        assertThat(Files.size(heap)).isGreaterThan(1_000_000);
    }

    @Test
    void theMBeanBrowserReadsMemoryAndInvokesGcAfterAsking(FxRobot robot) throws Exception {
        open(robot, Connection.attach(demo.pid(), Duration.ofSeconds(30)));
        robot.clickOn("#mbeans-tab");
        MBeansView view = robot.lookup("#mbeans-view").queryAs(MBeansView.class);
        Label status = robot.lookup("#mbeans-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> status.getText().endsWith(" MBeans")));
        robot.interact(() -> view.select("java.lang:type=Memory"));
        @SuppressWarnings("unchecked")
        TableView<java.util.Map.Entry<String, String>> attributes = robot.lookup("#mbean-attributes").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> attributes.getItems().stream()
                .anyMatch(e -> e.getKey().equals("HeapMemoryUsage") && e.getValue().contains("used="))));
        String firstRead = onFx(() -> attributes.getItems().stream().filter(e -> e.getKey().equals("HeapMemoryUsage"))
                .findFirst().orElseThrow().getValue());
        // the demo allocates all the time: the refreshed reading differs
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> attributes.getItems().stream()
                .filter(e -> e.getKey().equals("HeapMemoryUsage")).findFirst().orElseThrow().getValue()).equals(firstRead) == false);

        long collections = collections();
        @SuppressWarnings("unchecked")
        ListView<MBeanOperationInfo> operations = robot.lookup("#mbean-operations").queryAs(ListView.class);
        robot.interact(() -> operations.getSelectionModel().select(operations.getItems().stream()
                .filter(o -> o.getName().equals("gc")).findFirst().orElseThrow()));
        robot.clickOn("#invoke-operation");
        DialogPane ask = awaitDialog(robot);
        assertThat(ask.getHeaderText()).isEqualTo("Invoke gc() on java.lang:type=Memory?");
        robot.clickOn(ask.lookupButton(javafx.scene.control.ButtonType.OK));
        Label result = robot.lookup("#invoke-result").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> result.getText().equals("gc() returned null")));
        assertThat(collections()).isGreaterThan(collections);
    }

    /**
     * With {@code -Dvitals.screenshots=DIR} (the README's pictures, taken under Xvfb), writes the
     * diagnostics window as it is now to {@code DIR/name}.
     */
    private static void screenshot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("vitals.screenshots");
        if (dir != null) {
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage image = onFx(() -> robot.lookup("#diagnostics-tabs").query().getScene().snapshot(null));
            PngWriter.write(image, Path.of(dir, name));
        }
    }

    /** Collections so far in the demo JVM, over this test's own connection. */
    private long collections() throws Exception {
        return ManagementFactory.getPlatformMXBeans(connection.mbeans(), GarbageCollectorMXBean.class).stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static DialogPane awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> robot.lookup("#confirm-action").tryQuery().isPresent()));
        return onFx(() -> robot.lookup("#confirm-action").queryAs(DialogPane.class));
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static boolean portOpen(int jmxPort) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", jmxPort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
