package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.views.flame.FlameGraphImages;
import dev.vitals.views.flame.FlameRenderOptions;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rendered picture shows the view and its whole legend, not the controls a user types or clicks
 * into (search box, Regex, Flame/Icicle, Filter/Sort): the scene that is snapshotted has none of
 * them showing, and every legend entry lies inside the image.
 */
class RenderedControlsTest {
    private final ProfileSnapshot snapshot = Demo.snapshot();
    private final CallTree tree = CallTree.fromCollapsed("""
            java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.hashLoop 60
            java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.sortLoop;java.util.Arrays.sort_[i] 30
            java.lang.Thread.run;java.io.FileOutputStream.writeBytes_[n] 10
            """);

    @BeforeAll
    static void start() {
        HeadlessFx.ensureStarted();
    }

    @Test
    void theTimelineShowsItsWholeLegendAndNoFilterOrSort() throws Exception {
        Scene scene = HeadlessFx.call(() -> ViewImages.scene(snapshot,
                ViewRenderOptions.of(ViewKind.TIMELINE).withSize(800, 450)));
        assertThat(HeadlessFx.call(() -> showing(scene, TextField.class, ChoiceBox.class))).isEmpty();
        List<String> legend = HeadlessFx.call(() -> inside(scene, ".state-legend .label"));
        assertThat(legend).containsExactly("running", "native", "blocked", "waiting", "parked", "sleeping", "io");
    }

    @Test
    void theFlameGraphShowsItsLegendAndNoSearchOrToggles() throws Exception {
        Scene plain = HeadlessFx.call(() -> FlameGraphImages.scene(tree,
                FlameRenderOptions.defaults().withSize(800, 400)));
        assertThat(HeadlessFx.call(() -> showing(plain, TextField.class, Button.class, ToggleButton.class, CheckBox.class))).isEmpty();
        assertThat(HeadlessFx.call(() -> inside(plain, ".flame-legend .label"))).contains("JIT", "Inlined", "Native");

        Scene search = HeadlessFx.call(() -> FlameGraphImages.scene(tree,
                FlameRenderOptions.defaults().withSize(800, 400).withSearch("hashLoop", false)));
        assertThat(HeadlessFx.call(() -> showing(search, TextField.class, Button.class, ToggleButton.class, CheckBox.class))).isEmpty();
        assertThat(HeadlessFx.call(() -> inside(search, ".flame-matched"))).as("the matched share stays")
                .singleElement().asString().startsWith("matched ");
    }

    /** The nodes of these kinds that would show in the picture. */
    private static List<Node> showing(Scene scene, Class<?>... kinds) {
        return scene.getRoot().lookupAll("*").stream()
                .filter(n -> List.of(kinds).stream().anyMatch(k -> k.isInstance(n)))
                .filter(RenderedControlsTest::shows).toList();
    }

    /** The texts of the labels matching {@code selector} that show whole inside the image. */
    private static List<String> inside(Scene scene, String selector) {
        return scene.getRoot().lookupAll(selector).stream().filter(RenderedControlsTest::shows)
                .filter(n -> {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    return b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() && b.getWidth() >= n.prefWidth(-1) - 0.5;
                })
                .map(n -> ((Label) n).getText()).toList();
    }

    private static boolean shows(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
