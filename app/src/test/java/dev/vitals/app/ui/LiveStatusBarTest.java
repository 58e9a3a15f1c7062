package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.attach.SessionEnd;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A live tab's status line: at 1280 wide the ended session's file and the overhead are shown whole;
 * in a narrow tab they go onto lines of their own instead of squeezing the status into a column.
 */
@ExtendWith(ApplicationExtension.class)
class LiveStatusBarTest {
    private static final Path SAVED = Path.of("/home/someone-with-a-long-name/.local/share/vitals/sessions",
            "20261204-164835-demo-123456.vitals");

    private Stage stage;
    private Label status;
    private Label notice;
    private Label overhead;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        status = new Label();
        notice = new Label();
        overhead = new Label();
        BorderPane root = new BorderPane();
        root.setBottom(LiveTab.statusBar(status, notice, overhead));
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    @Test
    void theSavedFileAndTheOverheadAreWholeAt1280(FxRobot robot) throws Exception {
        showEndedSession(robot);
        assertThat(onFx(() -> Truncation.under(status.getScene().getRoot()))).isEmpty();
        assertThat(onFx(status::getText)).contains("1,234,567 events saved to " + SAVED.getFileName())
                .doesNotContain("/home/someone");
        assertThat(onFx(() -> status.getTooltip().getText())).isEqualTo(SAVED.toString());
        assertThat(onFx(() -> overhead.localToScene(overhead.getLayoutBounds()).getMaxX())).isLessThanOrEqualTo(1280);
        assertThat(onFx(() -> overhead.localToScene(overhead.getLayoutBounds())
                .intersects(notice.localToScene(notice.getLayoutBounds())))).as("overlapping").isFalse();
    }

    @Test
    void inANarrowTabEachPartTakesALineOfItsOwnAndTheLineStaysLow(FxRobot robot) throws Exception {
        // a 1000 px window with the JVM sidebar open leaves the session tabs about 750 px
        robot.interact(() -> stage.setWidth(750));
        showEndedSession(robot);
        assertThat(onFx(() -> Truncation.under(status.getScene().getRoot()))).isEmpty();
        double line = onFx(() -> overhead.getHeight());
        assertThat(onFx(() -> status.getParent().getLayoutBounds().getHeight())).as("three lines at most")
                .isLessThan(3 * line + 20);
        for (Label label : new Label[] {status, notice, overhead}) {
            assertThat(onFx(() -> label.getHeight())).as(label.getText()).isLessThan(line + 1);
        }
    }

    private void showEndedSession(FxRobot robot) {
        SessionEnd end = new SessionEnd(SessionEnd.Reason.TARGET_EXITED, "the target JVM exited", Instant.now(), 1_234_567);
        robot.interact(() -> {
            LiveTab.showSaved(status, end, SAVED);
            notice.setText("Settings: profile (10 ms sampling)");
            overhead.setText("Target: JFR writing 0.42 % of a core, JVM 145 % CPU  ·  Vitals 12 % CPU  ·  findings 1.2 s CPU/min");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
