package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.Selection;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.vitals.views.Demo.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FlameScope heatmap as a live recording grows: a view scrolled to the end keeps showing the
 * newest column when the snapshot gains columns; a view scrolled back stays where it is.
 */
@ExtendWith(ApplicationExtension.class)
class FlameScopeLiveTest {
    private final ProfileSnapshot shorter = Demo.snapshot();
    private ProfileSnapshot longer;
    private FlameScopeHeatmap flameScope;

    @Start
    void start(Stage stage) throws Exception {
        longer = JfrFiles.importFile(Demo.RECORDING.resolveSibling("demo-multichunk.jfr")).snapshot();
        flameScope = new FlameScopeHeatmap(shorter, new SelectionModel(Selection.cpu()));
        stage.setScene(new Scene(flameScope, 160, 400));
        stage.show();
    }

    private boolean secondVisible(ProfileSnapshot snapshot, int second) throws Exception {
        long nanos = snapshot.info().startNanos() + second * 1_000_000_000L + 1;
        return onFx(() -> flameScope.cellBounds(nanos)) != null;
    }

    private int lastSecond(ProfileSnapshot snapshot) {
        return (int) ((snapshot.info().endNanos() - snapshot.info().startNanos() - 1) / 1_000_000_000L);
    }

    @Test
    void followsNewColumnsAtTheEndAndStaysPutWhenScrolledBack(FxRobot robot) throws Exception {
        assertThat(onFx(() -> flameScope.lookup(".flamescope-panel").getBoundsInParent().getWidth())).isEqualTo(160.0);
        assertThat(secondVisible(shorter, lastSecond(shorter))).as("opens at the newest column").isTrue();
        assertThat(secondVisible(shorter, 0)).as("the first column is scrolled out").isFalse();

        robot.interact(() -> flameScope.setSnapshot(longer));
        assertThat(lastSecond(longer)).isGreaterThan(lastSecond(shorter));
        assertThat(secondVisible(longer, lastSecond(longer))).as("follows the appended columns").isTrue();

        ScrollBar bar = (ScrollBar) flameScope.lookup(".scroll-bar");
        robot.interact(() -> bar.setValue(bar.getMin()));
        assertThat(secondVisible(longer, 0)).as("scrolled back to the start").isTrue();
        robot.interact(() -> flameScope.setSnapshot(shorter));
        robot.interact(() -> flameScope.setSnapshot(longer));
        assertThat(secondVisible(longer, 0)).as("a view scrolled back is not moved").isTrue();
    }
}
