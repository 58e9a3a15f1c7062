package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.attach.JvmDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new MainWindow(stage, Preferences.userRoot().node("dev/vitals/test")).show();
    }

    @Test
    void remembersOpenedFilesInOpenRecentAndOnTheWelcomePane(FxRobot robot) throws Exception {
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-recent");
        preferences.clear();
        Path recording = Path.of("../model/src/test/resources/recordings/demo-jdk17-default.jfr").toAbsolutePath().normalize();
        Stage[] stages = new Stage[2];
        robot.interact(() -> {
            stages[0] = new Stage();
            MainWindow first = new MainWindow(stages[0], preferences);
            first.show();
            first.open(recording);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> new RecentFiles(preferences).list().equals(List.of(recording)));
        robot.interact(stages[0]::close);

        robot.interact(() -> {
            stages[1] = new Stage();
            new MainWindow(stages[1], preferences).show();
        });
        VBox recent = (VBox) stages[1].getScene().lookup("#recent");
        assertThat(recent.getChildren()).anySatisfy(n ->
                assertThat(n).isInstanceOfSatisfying(Hyperlink.class, l -> assertThat(l.getText()).isEqualTo("demo-jdk17-default.jfr")));
        robot.interact(stages[1]::close);
    }

    @Test
    void startsOnTheWelcomePaneWithTheThreeWaysIn(FxRobot robot) {
        assertThat(stage.getTitle()).isEqualTo("Vitals");
        assertThat(robot.lookup("#open-recording").queryAs(Button.class).getText()).isEqualTo("Open recording…");
        assertThat(robot.lookup("#attach").queryAs(Button.class).getText()).isEqualTo("Attach to JVM…");
        assertThat(robot.lookup("#try-demo").queryAs(Button.class).getText()).isEqualTo("Try the demo");
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).isEqualTo("Ready");
    }

    @Test
    void theJvmSidebarCollapsesAndStaysCollapsedNextTime(FxRobot robot) throws Exception {
        Preferences preferences = Preferences.userRoot().node("dev/vitals/test-sidebar");
        preferences.clear();
        Stage[] stages = new Stage[2];
        robot.interact(() -> {
            stages[0] = new Stage();
            new MainWindow(stages[0], preferences).show();
        });
        assertThat(stages[0].getScene().lookup("#jvm-browser")).as("shown at first").isNotNull();
        robot.interact(() -> ((CheckMenuItem) menuItem(stages[0], "sidebar-item")).setSelected(false));
        assertThat(stages[0].getScene().lookup("#jvm-browser")).as("hidden").isNull();
        double tabsWidth = stages[0].getScene().lookup("#sessions").getBoundsInLocal().getWidth();
        assertThat(tabsWidth).as("the tabs take the whole width").isGreaterThan(stages[0].getWidth() - 20);
        robot.interact(stages[0]::close);

        robot.interact(() -> {
            stages[1] = new Stage();
            new MainWindow(stages[1], preferences).show();
        });
        assertThat(stages[1].getScene().lookup("#jvm-browser")).as("still hidden in a new window").isNull();
        robot.interact(() -> ((CheckMenuItem) menuItem(stages[1], "sidebar-item")).setSelected(true));
        assertThat(stages[1].getScene().lookup("#jvm-browser")).as("shown again").isNotNull();
        robot.interact(stages[1]::close);
    }

    @Test
    void aJvmWithAHugeCommandLineHasATooltipThatFitsOnTheScreen(FxRobot robot) throws Exception {
        List<String> command = new ArrayList<>(DemoWorkloadProcess.command(Duration.ofSeconds(60), 1, Duration.ofSeconds(5)));
        // a class path of a few hundred jars, as a build tool's JVM has
        command.add(1, "-Dvitals.test.classpath=" + "/home/user/.m2/repository/some/group/artifact/1.0/artifact-1.0.jar:".repeat(400));
        Process demo = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            @SuppressWarnings("unchecked")
            ListView<JvmDescriptor> jvms = robot.lookup("#jvm-list").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> jvms.getItems().stream().anyMatch(j -> j.pid() == demo.pid() && j.attachable()));
            robot.interact(() -> jvms.scrollTo(jvms.getItems().stream().filter(j -> j.pid() == demo.pid()).findFirst().orElseThrow()));
            String pid = "pid " + demo.pid() + " ";
            Predicate<Node> demoCell = n -> n instanceof ListCell<?> c && c.isVisible() && c.getText() != null && c.getText().contains(pid);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.from(jvms).lookup(demoCell).tryQuery().isPresent());
            Node cell = robot.from(jvms).lookup(demoCell).query();
            Bounds list = jvms.localToScreen(jvms.getBoundsInLocal());
            robot.moveTo(new Point2D(Math.max(list.getMinX(), 0) + 8, cell.localToScreen(cell.getBoundsInLocal()).getCenterY()));
            // laid out once shown: a width of 0 first, then its own (148 456 px for this one, unwrapped)
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tooltip().filter(t -> t.getWidth() > 0).isPresent());
            Window tooltip = tooltip().orElseThrow();
            Rectangle2D screen = Screen.getPrimary().getBounds();
            assertThat(((Tooltip) tooltip).getText()).contains("vitals.test.classpath").hasSizeLessThan(2_000);
            assertThat(new Rectangle2D(tooltip.getX(), tooltip.getY(), tooltip.getWidth(), tooltip.getHeight()))
                    .as("the tooltip lies within the screen").matches(screen::contains, "within " + screen);
        } finally {
            demo.destroy();
        }
    }

    @Test
    void theJvmListsUptimesCountOn(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<JvmDescriptor> jvms = robot.lookup("#jvm-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> jvms.getItems().stream().anyMatch(JvmDescriptor::self));
        robot.interact(() -> jvms.scrollTo(jvms.getItems().stream().filter(JvmDescriptor::self).findFirst().orElseThrow()));
        Predicate<Node> selfCell = n -> n instanceof ListCell<?> c && c.isVisible() && c.getText() != null
                && c.getText().startsWith("Vitals (this window)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.from(jvms).lookup(selfCell).tryQuery().isPresent());
        // the list's items change only when JVMs come or go; the uptime shown must go on counting
        Thread.sleep(3_500);
        String text = robot.from(jvms).lookup(selfCell).<ListCell<?>>query().getText();
        long start = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        double real = (System.currentTimeMillis() - start) / 1000.0;
        Matcher up = Pattern.compile("up (?:(\\d+)h )?(?:(\\d+)m )?(\\d+(?:[.,]\\d)?) ?s").matcher(text);
        assertThat(up.find()).as(text).isTrue();
        double shown = (up.group(1) == null ? 0 : Integer.parseInt(up.group(1)) * 3600)
                + (up.group(2) == null ? 0 : Integer.parseInt(up.group(2)) * 60)
                + Double.parseDouble(up.group(3).replace(',', '.'));
        // shown as of the clock's last second, whole seconds once past a minute
        assertThat(shown).as(text).isBetween(real - 2.5, real + 0.5);
    }

    private static Optional<Window> tooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing()).findFirst();
    }

    private static MenuItem menuItem(Stage stage, String id) {
        MenuBar bar = (MenuBar) ((BorderPane) stage.getScene().getRoot()).getTop();
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }
}
