package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.Diff;
import dev.vitals.views.flame.internal.FlamePanel;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

import static dev.vitals.views.flame.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the flame graph draws: colours where the frames are, hit-testing, diff colours, live updates, device-pixel snapping. */
@ExtendWith(ApplicationExtension.class)
class FlameGraphRenderingTest {
    private FlameGraph graph;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        graph = Fx.showDemoGraph(stage);
    }

    private Bounds boundsOf(String... path) throws Exception {
        return onFx(() -> graph.frameBounds(graph.frame(List.of(path))));
    }

    /** The colour drawn near the right end of a frame (its name is drawn at the left). */
    private Color colourOf(String... path) throws Exception {
        Bounds b = boundsOf(path);
        return pixel(b.getMaxX() - 4, b.getCenterY());
    }

    private Color pixel(double x, double y) throws Exception {
        return onFx(() -> {
            WritableImage image = graph.snapshot(null, null);
            return image.getPixelReader().getColor((int) x, (int) y);
        });
    }

    /** Fuzzy colour check: each channel within the range (0..255). */
    private static void assertChannels(Color c, int rMin, int rMax, int gMin, int gMax, int bMin, int bMax) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        assertThat(r).as("red of %s", c).isBetween(rMin, rMax);
        assertThat(g).as("green of %s", c).isBetween(gMin, gMax);
        assertThat(b).as("blue of %s", c).isBetween(bMin, bMax);
    }

    @Test
    void framesHaveTheirFrameTypeColoursWhereTheyAreDrawn() throws Exception {
        assertChannels(colourOf(TestTrees.HASH_LOOP), 0x50, 0x70, 0xe0, 0xff, 0x50, 0x70);
        assertChannels(colourOf("java.lang.Thread.run", "dev.vitals.demo.Work.run", "dev.vitals.demo.Work.sortLoop",
                "java.util.Arrays.sort"), 0x50, 0x70, 0xcc, 0xea, 0xcc, 0xea);
        assertChannels(colourOf("java.lang.Thread.run", "java.io.FileOutputStream.writeBytes"), 0xe0, 0xff, 0x5a, 0x82, 0x5a, 0x82);
        assertChannels(colourOf("java.lang.Thread.run", "java.lang.Object.wait"), 0xb2, 0xc6, 0xe1, 0xf5, 0xb2, 0xc6);
        Bounds hash = boundsOf(TestTrees.HASH_LOOP);
        assertThat(pixel(hash.getCenterX(), hash.getMinY() - 10)).as("above a leaf: background").isEqualTo(Color.WHITE);
    }

    @Test
    void hitTestingFindsEveryDrawnFrameAtItsCentreAndNothingBesideIt() throws Exception {
        CallTree tree = onFx(graph::getCallTree);
        for (int n = 0; n < tree.size(); n++) {
            FlameFrame frame = new FlameFrame(tree, n);
            Bounds b = onFx(() -> graph.frameBounds(frame));
            assertThat(b).as("drawn: %s", frame).isNotNull();
            assertThat(onFx(() -> graph.frameAt(b.getCenterX(), b.getCenterY()))).isEqualTo(frame);
            assertThat(onFx(() -> graph.frameAt(b.getMinX() + 1, b.getMaxY() - 1))).isEqualTo(frame);
        }
        Bounds wait = boundsOf("java.lang.Thread.run", "java.lang.Object.wait");
        assertThat(onFx(() -> graph.frameAt(wait.getMaxX() + 2, wait.getCenterY()))).as("Thread.run's self time").isNull();
        Bounds hash = boundsOf(TestTrees.HASH_LOOP);
        assertThat(onFx(() -> graph.frameAt(hash.getCenterX(), hash.getMinY() - 5))).isNull();
    }

    @Test
    void packageColouringGivesOnePackageOneColourDeterministically(FxRobot robot) throws Exception {
        Color hashByType = colourOf(TestTrees.HASH_LOOP);
        assertThat(legend(robot)).containsExactly("Interpreted", "C1", "JIT", "Inlined", "Native", "C++", "Kernel");
        Rectangle jit = onFx(() -> (Rectangle) ((HBox) robot.lookup(".flame-legend").queryAs(HBox.class).getChildren().get(2))
                .getChildren().getFirst());
        assertThat(jit.getFill()).as("JIT's base colour").isEqualTo(Color.rgb(0x50, 0xe1, 0x50));
        robot.clickOn("By package");
        assertThat(legend(robot)).containsExactly("Colour: package");
        Color hash = colourOf(TestTrees.HASH_LOOP);
        assertThat(hash).isNotEqualTo(hashByType);
        assertThat(colourOf(TestTrees.SORT_LOOP)).as("same package dev.vitals.demo").isEqualTo(hash);
        assertThat(colourOf("java.lang.Thread.run")).isNotEqualTo(hash);
        onFx(() -> {
            graph.setCallTree(CallTree.fromCollapsed(TestTrees.DEMO));
            return null;
        });
        assertThat(colourOf(TestTrees.HASH_LOOP)).as("a new tree keeps the colours").isEqualTo(hash);
        robot.clickOn("By package");
        assertThat(colourOf(TestTrees.HASH_LOOP)).isEqualTo(hashByType);
    }

    private static List<String> legend(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup(".flame-legend .label").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    @Test
    void diffColoursGrowthRedAndShrinkageBlueWithBothValuesInTheTooltip(FxRobot robot) throws Exception {
        CallTree before = CallTree.fromCollapsed("""
                java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.hashLoop 30
                java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.sortLoop;java.util.Arrays.sort_[i] 55
                java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.sortLoop 5
                java.lang.Thread.run;java.io.FileOutputStream.writeBytes_[n] 7
                java.lang.Thread.run;java.lang.Object.wait_[0] 3
                """);
        onFx(() -> {
            graph.setDiff(Diff.of(before, graph.getCallTree()));
            return null;
        });
        Color hash = colourOf(TestTrees.HASH_LOOP);
        assertThat(legend(robot)).containsExactly("grew", "shrank");
        assertThat(hash.getRed()).as("grew: red").isGreaterThan(hash.getBlue() + 0.3);
        Color sort = colourOf(TestTrees.SORT_LOOP);
        assertThat(sort.getBlue()).as("shrank: blue").isGreaterThan(sort.getRed() + 0.3);
        Color write = colourOf("java.lang.Thread.run", "java.io.FileOutputStream.writeBytes");
        assertThat(write.getRed()).as("unchanged: neutral").isCloseTo(write.getBlue(), within(0.02));
        assertThat(boundsOf(TestTrees.HASH_LOOP).getWidth()).as("width from the new tree")
                .isCloseTo(boundsOf().getWidth() * 0.6, within(2.0));

        Bounds b = onFx(() -> graph.localToScreen(graph.frameBounds(graph.frame(List.of(TestTrees.HASH_LOOP)))));
        robot.moveTo(new Point2D(b.getCenterX(), b.getCenterY()));
        assertThat(onFx(FlameGraphInteractionTest::shownTooltipText))
                .contains("Before: total 30 (30.0 %)").contains("After: total 60 (60.0 %)").contains("Change: +30.0 points");
    }

    @Test
    void liveUpdatesKeepZoomSelectionOrderAndColours(FxRobot robot) throws Exception {
        Color hashColour = colourOf(TestTrees.HASH_LOOP);
        Bounds sort = onFx(() -> graph.localToScreen(graph.frameBounds(graph.frame(List.of(TestTrees.SORT_LOOP)))));
        robot.clickOn(new Point2D(sort.getCenterX(), sort.getCenterY()));
        robot.type(KeyCode.UP);
        List<String> arraysSort = List.of("java.lang.Thread.run", "dev.vitals.demo.Work.run", "dev.vitals.demo.Work.sortLoop", "java.util.Arrays.sort");
        assertThat(onFx(() -> graph.getSelectedFrame().path())).isEqualTo(arraysSort);
        for (int tick = 1; tick <= 5; tick++) {
            String more = TestTrees.DEMO + "java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.sortLoop;java.util.Arrays.sort_[i] " + tick * 10 + "\n"
                    + "java.lang.Thread.run;dev.vitals.demo.Work.run;dev.vitals.demo.Work.aNewMethod " + tick + "\n";
            onFx(() -> {
                graph.setCallTree(CallTree.fromCollapsed(more));
                return null;
            });
            assertThat(onFx(() -> graph.getZoomedFrame().path())).containsExactly(TestTrees.SORT_LOOP);
            assertThat(onFx(() -> graph.getSelectedFrame().path())).isEqualTo(arraysSort);
            assertThat(onFx(() -> graph.getSelectedFrame().tree())).isSameAs(onFx(graph::getCallTree));
            assertThat(boundsOf(TestTrees.SORT_LOOP).getWidth()).isCloseTo(boundsOf().getWidth(), within(2.0));
        }
        robot.type(KeyCode.ESCAPE);
        assertThat(colourOf(TestTrees.HASH_LOOP)).isEqualTo(hashColour);
        Bounds newMethod = boundsOf("java.lang.Thread.run", "dev.vitals.demo.Work.run", "dev.vitals.demo.Work.aNewMethod");
        assertThat(newMethod.getMaxX()).as("name order: the new method is left of hashLoop")
                .isLessThanOrEqualTo(boundsOf(TestTrees.HASH_LOOP).getMinX() + 0.5);
    }

    @Test
    void edgesSnapToDevicePixelsAndSubPixelFramesAreNotDrawn() throws Exception {
        onFx(() -> {
            graph.setCallTree(CallTree.fromCollapsed("a 1\nb 1\nc 1\n"));
            return null;
        });
        double width = boundsOf().getWidth();
        assertThat(width).isEqualTo(1000);
        assertThat(boundsOf("b").getMinX()).as("333.33 at scale 1").isEqualTo(333.0);
        onFx(() -> {
            stage.setRenderScaleX(2);
            stage.setRenderScaleY(2);
            return null;
        });
        assertThat(boundsOf("b").getMinX()).as("333.33 at scale 2").isEqualTo(333.5);
        onFx(() -> {
            stage.setRenderScaleX(1);
            stage.setRenderScaleY(1);
            graph.setCallTree(CallTree.fromCollapsed("wide 9999\ntiny;child 1\n"));
            return null;
        });
        assertThat(boundsOf("tiny")).as("0.1 px wide: not drawn").isNull();
        double rowY = boundsOf("wide").getCenterY();
        assertThat(onFx(() -> graph.frameAt(0.05, rowY))).as("where tiny (first by name) would be").isNull();
        assertThat(onFx(() -> graph.frameAt(500, rowY).name())).isEqualTo("wide");
    }

    /**
     * Along a row of three equal frames (edges at 333.33 and 666.67 units), every pixel is exactly a
     * frame's colour or the background (the one-pixel gap after a frame): edges on device pixels,
     * nothing blended. At output scale 2 the edges move to half units (see
     * {@link #edgesSnapToDevicePixelsAndSubPixelFramesAreNotDrawn}); the pixels cannot be read there
     * headless, because a Canvas keeps a texture at the highest output scale of the screens, and the
     * headless glass screen's is 1.
     */
    @Test
    void framesAreCrispAtOutputScaleOne() throws Exception {
        List<Color> row = onFx(() -> {
            graph.setCallTree(CallTree.fromCollapsed("a 1\nb 1\nc 1\n"));
            graph.applyCss();
            graph.layout();
            FlamePanel panel = (FlamePanel) graph.lookup(".flame-panel");
            WritableImage frames = panel.getChildrenUnmodifiable().getFirst().snapshot(null, null);
            Bounds a = panel.sceneToLocal(graph.localToScene(graph.frameBounds(graph.frame(List.of("a")))));
            List<Color> pixels = new ArrayList<>();
            for (int x = 0; x < (int) frames.getWidth(); x++) {
                pixels.add(frames.getPixelReader().getColor(x, (int) a.getMinY() + 1));
            }
            return pixels;
        });
        List<Color> fills = onFx(() -> {
            FlamePanel panel = (FlamePanel) graph.lookup(".flame-panel");
            CallTree tree = panel.tree();
            return List.of(panel.colours().fill(tree.findNode("a")), panel.colours().fill(tree.findNode("b")),
                    panel.colours().fill(tree.findNode("c")), Color.WHITE);
        });
        assertThat(row).hasSize(1000);
        for (int x = 0; x < row.size(); x++) {
            Color c = row.get(x);
            assertThat(fills.stream().anyMatch(f -> same(f, c))).as("pixel %d is %s: a fill or the background", x, c).isTrue();
        }
        assertThat(same(row.get(331), fills.get(0))).as("a up to its last pixel").isTrue();
        assertThat(same(row.get(332), Color.WHITE)).as("the gap").isTrue();
        assertThat(same(row.get(333), fills.get(1))).as("b from 333.33 snapped to 333").isTrue();
        assertThat(same(row.get(666), fills.get(2))).as("c from 666.67 snapped to 667").isFalse();
        assertThat(same(row.get(667), fills.get(2))).isTrue();
    }

    private static boolean same(Color expected, Color actual) {
        double tolerance = 1.5 / 255;
        return Math.abs(expected.getRed() - actual.getRed()) < tolerance && Math.abs(expected.getGreen() - actual.getGreen()) < tolerance
                && Math.abs(expected.getBlue() - actual.getBlue()) < tolerance;
    }

    @Test
    void namesAreDrawnWhereTheyFitAndNotInFramesTooNarrowForThem() throws Exception {
        onFx(() -> {
            graph.setCallTree(CallTree.fromCollapsed("wide.Frame.method 99\nnarrow.Frame.method 1\n"));
            return null;
        });
        Bounds narrow = boundsOf("narrow.Frame.method");
        Bounds wide = boundsOf("wide.Frame.method");
        assertThat(narrow.getWidth()).as("10 px: no room for three characters").isEqualTo(10);
        List<Color> narrowRow = onFx(() -> {
            WritableImage image = graph.snapshot(null, null);
            List<Color> pixels = new ArrayList<>();
            for (int x = (int) narrow.getMinX(); x < narrow.getMaxX() - 1; x++) {
                for (int y = (int) narrow.getMinY() + 1; y < narrow.getMaxY() - 1; y++) {
                    pixels.add(image.getPixelReader().getColor(x, y));
                }
            }
            return pixels;
        });
        assertThat(narrowRow).as("only the frame's fill").containsOnly(narrowRow.getFirst());
        long textPixels = onFx(() -> {
            WritableImage image = graph.snapshot(null, null);
            long dark = 0;
            for (int x = (int) wide.getMinX(); x < wide.getMinX() + 150; x++) {
                for (int y = (int) wide.getMinY(); y < wide.getMaxY(); y++) {
                    dark += image.getPixelReader().getColor(x, y).getBrightness() < 0.4 ? 1 : 0;
                }
            }
            return dark;
        });
        assertThat(textPixels).as("the wide frame's name in black").isGreaterThan(20);
    }

    @Test
    void aNarrowViewMovesTheViewTogglesToASecondRowSqueezingNeitherThemNorTheSearchField() throws Exception {
        assertThat(barRows(graph)).as("1000 px: one row").isEqualTo(1);
        Stage narrowStage = onFx(() -> {
            Stage own = new Stage(); // a window of its own: the resize must not outlive the test
            Fx.showDemoGraph(own);
            own.setWidth(560);
            return own;
        });
        try {
            FlameGraph narrow = onFx(() -> (FlameGraph) narrowStage.getScene().getRoot());
            assertThat(barRows(narrow)).as("560 px: two rows").isEqualTo(2);
        } finally {
            onFx(() -> {
                narrowStage.close();
                return null;
            });
        }
    }

    /** Rows of the bottom bar, after checking the search field and every toggle have at least their preferred width. */
    private static int barRows(FlameGraph control) throws Exception {
        return onFx(() -> {
            TextField search = (TextField) control.lookup(".text-field");
            assertThat(search.getWidth()).as("search field").isGreaterThanOrEqualTo(search.prefWidth(-1) - 0.5);
            Bounds searchBounds = search.localToScene(search.getLayoutBounds());
            Set<Double> rows = new HashSet<>();
            rows.add(searchBounds.getMinY());
            for (Node node : control.lookupAll(".toggle-button")) {
                ToggleButton toggle = (ToggleButton) node;
                assertThat(toggle.getWidth()).as(toggle.getText()).isGreaterThanOrEqualTo(toggle.prefWidth(-1) - 0.5);
                Bounds b = toggle.localToScene(toggle.getLayoutBounds());
                rows.add(b.getMaxY() <= searchBounds.getMinY() || b.getMinY() >= searchBounds.getMaxY() ? b.getMinY() : searchBounds.getMinY());
            }
            return rows.size();
        });
    }

    @Test
    void anEmptyTreeDrawsNothing() throws Exception {
        onFx(() -> {
            graph.setCallTree(null);
            return null;
        });
        assertThat(onFx(() -> graph.frameAt(500, 480))).isNull();
        assertThat(boundsOf()).isNull();
    }
}
