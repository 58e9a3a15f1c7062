package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.flame.internal.FlamePanel;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.image.PixelReader;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.vitals.views.flame.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A tree of ~80 000 nodes, most of them far narrower than a pixel: the control keeps one canvas
 * pair the size of the viewport and the same nodes whatever the tree, and what it draws, hit-tests,
 * searches and navigates to agrees with the tree's exact geometry although it lays out only the
 * frames it draws.
 */
@ExtendWith(ApplicationExtension.class)
class FlameGraphLargeTreeTest {
    private static final String NEEDLE = "needle.Needle.find";
    /** Random stacks of depth 2 to 10 over 400 methods, plus {@value #NEEDLES} one-sample calls of {@link #NEEDLE}. */
    private static final CallTree LARGE = CallTree.fromCollapsed(largeStacks());
    private static final int NEEDLES = 2_000;

    private FlameGraph graph;

    @Start
    void start(Stage stage) {
        graph = Fx.showDemoGraph(stage);
    }

    private static String largeStacks() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 30_000 + NEEDLES; i++) {
            int depth = 2 + random.nextInt(9);
            for (int d = 0; d < depth; d++) {
                int m = random.nextInt(d < 2 ? 6 : 400);
                out.append(d > 0 ? ";" : "").append("p").append(m % 7).append(".C").append(m % 23).append(".m").append(m);
            }
            if (i < NEEDLES) {
                out.append(';').append(NEEDLE).append(" 1\n");
            } else {
                out.append(' ').append(1 + random.nextInt(5)).append('\n');
            }
        }
        return out.toString();
    }

    private void show(CallTree tree) throws Exception {
        onFx(() -> {
            graph.setCallTree(tree);
            return null;
        });
    }

    private static int nodeCount(Node node) {
        int count = 1;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                count += nodeCount(child);
            }
        }
        return count;
    }

    /** Every canvas of the control, each checked to be exactly its panel's (the viewport's) size. */
    private List<Canvas> canvasesSizedToTheirPanels() throws Exception {
        return onFx(() -> {
            List<Canvas> canvases = new ArrayList<>();
            for (Node node : graph.lookupAll(".flame-panel")) {
                FlamePanel panel = (FlamePanel) node;
                for (Node child : panel.getChildrenUnmodifiable()) {
                    Canvas canvas = (Canvas) child;
                    assertThat(canvas.getWidth()).as("canvas width").isEqualTo(panel.snapSizeX(panel.getWidth()));
                    assertThat(canvas.getHeight()).as("canvas height").isEqualTo(panel.snapSizeY(panel.getHeight()));
                    assertThat(canvas.getWidth()).isLessThanOrEqualTo(graph.getWidth());
                    assertThat(canvas.getHeight()).isLessThanOrEqualTo(graph.getHeight());
                    canvases.add(canvas);
                }
            }
            return canvases;
        });
    }

    @Test
    void noNodePerFrameAndTheCanvasesStayTheViewportsSize() throws Exception {
        Stage own = onFx(() -> {
            Stage stage = new Stage(); // a window of its own: the resize below must not outlive the test
            graph = Fx.showDemoGraph(stage);
            return stage;
        });
        try {
            int smallTreeNodes = onFx(() -> nodeCount(graph));
            assertThat(canvasesSizedToTheirPanels()).as("frames and overlay layers").hasSize(2);
            show(LARGE);
            assertThat(LARGE.size()).isGreaterThan(50_000);
            assertThat(onFx(() -> nodeCount(graph))).as("the same scene graph for 14 or %d frames", LARGE.size())
                    .isEqualTo(smallTreeNodes);
            assertThat(canvasesSizedToTheirPanels()).hasSize(2);

            onFx(() -> {
                own.setWidth(1300);
                own.setHeight(700);
                return null;
            });
            List<Canvas> resized = canvasesSizedToTheirPanels();
            assertThat(resized.getFirst().getWidth()).as("follows the window").isGreaterThan(1100);

            onFx(() -> {
                Node panel = graph.lookup(".flame-panel");
                Point2D centre = panel.localToScene(panel.getLayoutBounds().getCenterX(), panel.getLayoutBounds().getCenterY());
                for (int i = 0; i < 20; i++) {
                    Event.fireEvent(panel, new ScrollEvent(ScrollEvent.SCROLL, centre.getX(), centre.getY(),
                            centre.getX(), centre.getY(), false, true, false, false, false, false,
                            0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                            ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
                }
                return null;
            });
            assertThat(onFx(() -> graph.frameBounds(new FlameFrame(LARGE, 0)).getWidth()))
                    .as("zoomed in: the root spans more than the view, clipped to it").isEqualTo(resized.getFirst().getWidth());
            assertThat(canvasesSizedToTheirPanels()).as("zoomed 86×: still the viewport's size")
                    .extracting(Canvas::getWidth).containsOnly(resized.getFirst().getWidth());
            assertThat(onFx(() -> nodeCount(graph))).isEqualTo(smallTreeNodes);

            onFx(() -> {
                graph.setMode(FlameGraphMode.SANDWICH);
                graph.setCallersTree(LARGE);
                return null;
            });
            assertThat(canvasesSizedToTheirPanels()).as("sandwich: two panels sharing the viewport").hasSize(4)
                    .allSatisfy(canvas -> assertThat(canvas.getHeight()).isLessThan(resized.getFirst().getHeight() * 0.6));
        } finally {
            onFx(() -> {
                own.close();
                return null;
            });
        }
    }

    /** Each node's offset from the tree's definition: its parent's plus the totals of its earlier siblings. */
    private static long[] exactOffsets(CallTree tree) {
        long[] offset = new long[tree.size()];
        for (int n = 0; n < tree.size(); n++) {
            long cursor = offset[n];
            for (int c = tree.firstChild(n); c != -1; c = tree.nextSibling(c)) {
                offset[c] = cursor;
                cursor += tree.total(c);
            }
        }
        return offset;
    }

    @Test
    void drawnFramesAndHitTestingAgreeWithTheExactGeometryZoomedOrNot() throws Exception {
        show(LARGE);
        onFx(() -> {
            graph.setColouring(FlameColouring.PACKAGE); // 7 packages: neighbours mostly differ in colour
            return null;
        });
        long[] offset = exactOffsets(LARGE);
        checkGeometry(offset, 0, LARGE.total(0));
        int zoomed = LARGE.findNode("p0.C0.m0", "p1.C1.m1");
        assertThat(zoomed).isPositive();
        onFx(() -> {
            graph.setZoomedFrame(new FlameFrame(LARGE, zoomed));
            return null;
        });
        checkGeometry(offset, offset[zoomed], offset[zoomed] + LARGE.total(zoomed));
    }

    /**
     * Over all nodes: placed where the exact geometry puts them (to the pixel), painted there in their
     * colour, and found there by hit-testing; too narrow: not drawn.
     */
    private void checkGeometry(long[] offset, long low, long high) throws Exception {
        int drawn = onFx(() -> {
            FlamePanel panel = (FlamePanel) graph.lookup(".flame-panel");
            PixelReader frames = panel.getChildrenUnmodifiable().getFirst().snapshot(null, null).getPixelReader();
            Bounds all = graph.frameBounds(new FlameFrame(LARGE, 0));
            double ppu = all.getWidth() / (high - low);
            int count = 0;
            for (int n = 0; n < LARGE.size(); n++) {
                FlameFrame frame = new FlameFrame(LARGE, n);
                Bounds b = graph.frameBounds(frame);
                double x0 = (offset[n] - low) * ppu;
                double x1 = (offset[n] + LARGE.total(n) - low) * ppu;
                boolean visible = x0 >= -0.5 && x1 <= all.getWidth() + 0.5 && rowVisible(n, all);
                if (visible && x1 - x0 >= 1.5) {
                    assertThat(b).as("drawn: %s", frame).isNotNull();
                }
                if (b != null) {
                    count++;
                    assertThat(b.getMinX()).as("left of %s", frame).isCloseTo(Math.max(0, x0), within(1.0));
                    assertThat(b.getMaxX()).as("right of %s", frame).isCloseTo(Math.min(all.getWidth(), x1), within(1.0));
                    assertThat(graph.frameAt(b.getMinX() + b.getWidth() / 2, b.getCenterY())).as("hit at the centre").isEqualTo(frame);
                    if (b.getWidth() >= 4 && rowVisible(n, all)) {
                        Point2D inPanel = panel.sceneToLocal(graph.localToScene(b.getMaxX() - 2, b.getMinY() + 1));
                        Color painted = frames.getColor((int) inPanel.getX(), (int) inPanel.getY());
                        Color fill = panel.colours().fill(n);
                        assertThat(painted.getRed()).as("painted colour of %s", frame).isCloseTo(fill.getRed(), within(1.5 / 255));
                        assertThat(painted.getGreen()).as("painted colour of %s", frame).isCloseTo(fill.getGreen(), within(1.5 / 255));
                        assertThat(painted.getBlue()).as("painted colour of %s", frame).isCloseTo(fill.getBlue(), within(1.5 / 255));
                    }
                } else if (visible) {
                    assertThat(x1 - x0).as("not drawn: %s", frame).isLessThan(1.5);
                }
            }
            return count;
        });
        assertThat(drawn).as("frames drawn").isBetween(50, LARGE.size() / 4);
    }

    /** True when the node's row is wholly inside the panel (a flame: rows stack up from the root at the bottom). */
    private static boolean rowVisible(int n, Bounds root) {
        return root.getMinY() - LARGE.depth(n) * FlamePanel.ROW_HEIGHT >= 0;
    }

    @Test
    void searchCountsEveryMatchingSampleAndStepsToFramesTooNarrowToDraw(FxRobot robot) throws Exception {
        show(LARGE);
        long needleWeight = 0;
        List<Integer> needles = new ArrayList<>();
        for (int n = 1; n < LARGE.size(); n++) {
            if (LARGE.name(n).equals(NEEDLE)) {
                needleWeight += LARGE.total(n);
                needles.add(n);
            }
        }
        assertThat(needleWeight).isEqualTo(NEEDLES);
        long undrawn = onFx(() -> needles.stream().filter(n -> graph.frameBounds(new FlameFrame(LARGE, n)) == null).count());
        assertThat(undrawn).as("needles under a pixel").isGreaterThan(needles.size() * 9L / 10);

        robot.clickOn(robot.lookup(".text-field").queryAs(javafx.scene.control.TextField.class)).write("Needle.find");
        double share = (double) needleWeight / LARGE.total(0);
        assertThat(onFx(graph::getMatchedShare)).isCloseTo(share, within(1e-12));
        assertThat(onFx(() -> robot.lookup(".flame-matched").queryAs(Label.class).getText()))
                .isEqualTo(String.format(java.util.Locale.ROOT, "matched %.1f %%", 100 * share));

        robot.type(KeyCode.ENTER);
        FlameFrame first = onFx(graph::getSelectedFrame);
        assertThat(first.nodeIndex()).isEqualTo(needles.getFirst());
        Bounds revealed = onFx(() -> graph.frameBounds(first));
        assertThat(revealed).as("stepping to a match brings it into view").isNotNull();
        assertThat(revealed.getWidth()).as("wide enough to read").isGreaterThanOrEqualTo(11);
        robot.type(KeyCode.ENTER);
        assertThat(onFx(() -> graph.getSelectedFrame().nodeIndex())).isEqualTo(needles.get(1));
        assertThat(onFx(() -> graph.frameBounds(graph.getSelectedFrame()))).isNotNull();
    }

    @Test
    void arrowKeysReachASiblingTooNarrowToDraw(FxRobot robot) throws Exception {
        CallTree tree = CallTree.fromCollapsed("""
                main;narrow 1
                main;wide 99999
                """);
        show(tree);
        Bounds wide = onFx(() -> graph.frameBounds(graph.frame(List.of("main", "wide"))));
        assertThat(onFx(() -> graph.frameBounds(graph.frame(List.of("main", "narrow"))))).as("0.01 px").isNull();
        robot.clickOn(onFx(() -> graph.localToScreen(wide.getCenterX(), wide.getCenterY())));
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.LEFT);
        assertThat(onFx(() -> graph.getSelectedFrame().path())).containsExactly("main", "narrow");
        Bounds narrow = onFx(() -> graph.frameBounds(graph.getSelectedFrame()));
        assertThat(narrow).as("the view zooms until the focused frame is drawn").isNotNull();
        assertThat(narrow.getWidth()).isGreaterThanOrEqualTo(11);
    }
}
