package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.attach.ModelSink;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live tab's top bar in a 1280 wide window beside the JVM sidebar, in both themes and in each mode of its views (following,
 * held, paused): every button, the settings and the sentence saying what the views do are whole
 * and inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class LiveTopBarTest {
    private static final double WIDTH = 1280;

    private LiveWindow window;
    private LiveTopBar bar;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        window = new LiveWindow(ModelSink.newModel("demo").profile());
        bar = new LiveTopBar(new LiveWindowControls(window), SettingsChoice.create("live-settings", "default"));
        BorderPane tab = new BorderPane();
        tab.setTop(bar.node());
        // Beside the JVM sidebar as the main window shows it (at least 240 px, a fifth of the window).
        Region sidebar = new Region();
        sidebar.setMinWidth(240);
        SplitPane root = new SplitPane(sidebar, tab);
        root.setDividerPositions(0.2);
        stage.setScene(new Scene(root, WIDTH, 800));
        stage.show();
    }

    @Test
    void everyLabelIsWholeAt1280InBothThemesAndEveryMode(FxRobot robot) throws Exception {
        try {
            for (Theme theme : Theme.values()) {
                for (Runnable mode : new Runnable[] {window::follow, window::hold, window::pause}) {
                    robot.interact(() -> {
                        theme.apply();
                        mode.run();
                    });
                    WaitForAsyncUtils.waitForFxEvents();
                    String look = theme + " " + onFx(window::mode);
                    assertThat(onFx(() -> Truncation.under(bar.node().getScene().getRoot()))).as(look).isEmpty();
                    Button stop = bar.stop();
                    assertThat(onFx(() -> stop.localToScene(stop.getLayoutBounds()).getMaxX())).as(look)
                            .isLessThanOrEqualTo(WIDTH);
                }
            }
        } finally {
            robot.interact(Theme.LIGHT::apply);
        }
    }
}
