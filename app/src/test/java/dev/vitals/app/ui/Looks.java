package dev.vitals.app.ui;

import static dev.vitals.app.ui.SessionTabsTest.onFx;

import dev.vitals.views.PngWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.assertj.core.api.SoftAssertions;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at 1280×800 and 1920×1080 in the light and dark themes: nothing a user reads is cut.
 * A size taller than the screen is left out (JavaFX's headless screen is 1000×1000, so 1920×1080 is
 * checked under Xvfb with the GTK glass). With {@code -Dvitals.screenshots=DIR} each look is also
 * written as {@code DIR/NAME-WxH-THEME.png} (the README's pictures, in {@code docs/images/}).
 */
final class Looks {
    private static final int[][] SIZES = {{1280, 800}, {1920, 1080}};

    private Looks() {
    }

    /** What else must hold in each look, named {@code WxH-THEME}. */
    @FunctionalInterface
    interface LookCheck {
        void check(String look) throws Exception;
    }

    /** Checks (and writes, when asked) every look of {@code stage} that fits the screen, ending in the light theme. */
    static void check(FxRobot robot, Stage stage, String name) throws Exception {
        check(robot, stage, name, look -> { });
    }

    /** As {@link #check(FxRobot, Stage, String)}, and {@code more} in each look. */
    static void check(FxRobot robot, Stage stage, String name, LookCheck more) throws Exception {
        String folder = System.getProperty("vitals.screenshots", "");
        double screenHeight = onFx(() -> Screen.getPrimary().getBounds().getHeight());
        SoftAssertions softly = new SoftAssertions();   // every look is written, whatever one shows
        try {
            for (int[] size : SIZES) {
                if (size[1] > screenHeight) {
                    continue;
                }
                for (Theme theme : Theme.values()) {
                    robot.interact(() -> {
                        theme.apply();
                        stage.setX(0);
                        stage.setY(0);
                        stage.setWidth(size[0]);
                        stage.setHeight(size[1]);
                    });
                    WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
                    WaitForAsyncUtils.waitForFxEvents();
                    String look = size[0] + "x" + size[1] + "-" + theme.name().toLowerCase(Locale.ROOT);
                    List<Truncation.Cut> cuts = stayingCuts(stage);
                    if (!folder.isEmpty()) {
                        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
                        Files.createDirectories(Path.of(folder));
                        PngWriter.write(image, Path.of(folder, name + "-" + look + ".png"));
                    }
                    softly.assertThat(cuts).as(look).isEmpty();
                    more.check(look);
                }
            }
            softly.assertAll();
        } finally {
            robot.interact(Theme.LIGHT::apply);
        }
    }

    /**
     * The labels cut in three passes a second apart: a live label may be between its new text and its
     * next layout, and its text changes every second, so a cut is a label that stays cut.
     */
    private static List<Truncation.Cut> stayingCuts(Stage stage) throws Exception {
        List<Truncation.Cut> cuts = onFx(() -> Truncation.under(stage.getScene().getRoot()));
        for (int pass = 1; pass < 3 && !cuts.isEmpty(); pass++) {
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            Set<Labeled> stillCut = onFx(() -> Truncation.under(stage.getScene().getRoot())).stream()
                    .map(Truncation.Cut::node).collect(Collectors.toSet());
            cuts = cuts.stream().filter(cut -> stillCut.contains(cut.node())).toList();
        }
        return cuts;
    }
}
