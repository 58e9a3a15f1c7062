package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.flame.internal.FlamePanel;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.vitals.views.flame.Fx.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Drives the flame graph with the mouse and keyboard like a user and checks what is shown. */
@ExtendWith(ApplicationExtension.class)
class FlameGraphInteractionTest {
    private FlameGraph graph;
    private final List<FlameGraphAction> actions = new ArrayList<>();

    @Start
    void start(Stage stage) {
        graph = Fx.showDemoGraph(stage);
        graph.setOnAction(actions::add);
        graph.setTraceable(frame -> frame.name().startsWith("dev.vitals."));
    }

    private Point2D centerOf(String... path) throws Exception {
        return onFx(() -> {
            Bounds b = graph.frameBounds(graph.frame(List.of(path)));
            Bounds screen = graph.localToScreen(b);
            return new Point2D(screen.getCenterX(), screen.getCenterY());
        });
    }

    private Bounds boundsOf(String... path) throws Exception {
        return onFx(() -> graph.frameBounds(graph.frame(List.of(path))));
    }

    private List<String> zoomPath() throws Exception {
        return onFx(() -> graph.getZoomedFrame() == null ? List.of() : graph.getZoomedFrame().path());
    }

    private List<String> selectedPath() throws Exception {
        return onFx(() -> graph.getSelectedFrame() == null ? null : graph.getSelectedFrame().path());
    }

    @Test
    void clickZoomsIntoAFrameAndTheRootOrEscZoomsOut(FxRobot robot) throws Exception {
        double fullWidth = boundsOf().getWidth();
        assertThat(boundsOf(TestTrees.SORT_LOOP).getWidth()).isCloseTo(fullWidth * 0.30, within(2.0));

        robot.clickOn(centerOf(TestTrees.SORT_LOOP));
        assertThat(zoomPath()).containsExactly(TestTrees.SORT_LOOP);
        assertThat(selectedPath()).containsExactly(TestTrees.SORT_LOOP);
        assertThat(boundsOf(TestTrees.SORT_LOOP).getWidth()).isCloseTo(fullWidth, within(2.0));
        assertThat(boundsOf(TestTrees.HASH_LOOP)).as("a sibling outside the zoomed frame").isNull();
        assertThat(robot.lookup(".flame-breadcrumb-item").queryAllAs(Hyperlink.class))
                .extracting(Hyperlink::getText).containsExactly("all", "Thread.run", "Work.run", "Work.sortLoop");

        robot.clickOn(centerOf());
        assertThat(zoomPath()).isEmpty();
        assertThat(boundsOf(TestTrees.HASH_LOOP).getWidth()).isCloseTo(fullWidth * 0.60, within(2.0));

        robot.clickOn(centerOf(TestTrees.HASH_LOOP));
        assertThat(zoomPath()).containsExactly(TestTrees.HASH_LOOP);
        robot.type(KeyCode.ESCAPE);
        assertThat(zoomPath()).isEmpty();

        robot.clickOn(centerOf(TestTrees.SORT_LOOP));
        robot.clickOn(robot.lookup(".flame-breadcrumb-item").nth(2).queryAs(Hyperlink.class));
        assertThat(zoomPath()).containsExactly(TestTrees.WORK_RUN);
    }

    @Test
    void zoomingAnimatesToTheFrame(FxRobot robot) throws Exception {
        onFx(() -> {
            graph.setZoomAnimation(Duration.seconds(1));
            return null;
        });
        double fullWidth = boundsOf().getWidth();
        robot.clickOn(centerOf(TestTrees.SORT_LOOP));
        assertThat(zoomPath()).containsExactly(TestTrees.SORT_LOOP);
        assertThat(boundsOf(TestTrees.SORT_LOOP).getWidth()).as("on its way").isLessThan(fullWidth - 2);
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        assertThat(boundsOf(TestTrees.SORT_LOOP).getWidth()).isCloseTo(fullWidth, within(2.0));
    }

    @Test
    void ctrlWheelZoomsHorizontallyAndDragPans(FxRobot robot) throws Exception {
        double before = boundsOf(TestTrees.SORT_LOOP).getWidth();
        robot.moveTo(centerOf(TestTrees.SORT_LOOP));
        ctrlWheelUp(centerOf(TestTrees.SORT_LOOP), 3);
        double zoomed = boundsOf(TestTrees.SORT_LOOP).getWidth();
        assertThat(zoomed).isGreaterThan(before * 1.5);
        double leftBefore = boundsOf(TestTrees.SORT_LOOP).getMinX();
        Point2D from = centerOf(TestTrees.SORT_LOOP);
        robot.drag(from).dropTo(from.add(-150, 0));
        assertThat(boundsOf(TestTrees.SORT_LOOP).getMinX()).isLessThan(leftBefore - 100);
        assertThat(zoomPath()).as("a drag is not a click").isEmpty();
    }

    /**
     * JavaFX 26's headless robot sends wheel events without modifiers (and at window-relative
     * coordinates taken from the screen position), so Ctrl + wheel is fired as the scroll event the
     * platform would deliver, on the frames under the mouse.
     */
    private void ctrlWheelUp(Point2D screenPoint, int notches) throws Exception {
        onFx(() -> {
            Node panel = graph.lookup(".flame-panel");
            Point2D scene = graph.localToScene(graph.screenToLocal(screenPoint));
            for (int i = 0; i < notches; i++) {
                Event.fireEvent(panel, new ScrollEvent(ScrollEvent.SCROLL, scene.getX(), scene.getY(),
                        screenPoint.getX(), screenPoint.getY(), false, true, false, false, false, false,
                        0, 40, 0, 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                        ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            }
            return null;
        });
    }

    @Test
    void searchHighlightsMatchesAndShowsTheMatchedShare(FxRobot robot) throws Exception {
        robot.clickOn(centerOf());
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("sort");
        Label matched = robot.lookup(".flame-matched").queryAs(Label.class);
        // sortLoop (30) contains Arrays.sort (25): nested matches count once
        assertThat(onFx(matched::getText)).isEqualTo("matched 30.0 %");
        assertThat(onFx(graph::getMatchedShare)).isCloseTo(0.30, within(1e-9));

        robot.type(KeyCode.ENTER);
        assertThat(selectedPath()).containsExactly(TestTrees.SORT_LOOP);
        robot.type(KeyCode.ENTER);
        assertThat(selectedPath()).containsExactly("java.lang.Thread.run", "dev.vitals.demo.Work.run",
                "dev.vitals.demo.Work.sortLoop", "java.util.Arrays.sort");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        assertThat(selectedPath()).containsExactly(TestTrees.SORT_LOOP);

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("Work\\.(hash|sort)Loop");
        robot.clickOn("Regex");
        assertThat(onFx(matched::getText)).isEqualTo("matched 90.0 %");
    }

    /** The colour drawn towards the right end of a frame (its name is at the left, a selection outline at the edge). */
    private Color colourOf(String... path) throws Exception {
        Bounds b = boundsOf(path);
        return onFx(() -> graph.snapshot(null, null).getPixelReader().getColor((int) b.getMaxX() - 8, (int) b.getCenterY()));
    }

    @Test
    void searchHighlightsMatchesDimsTheRestAndF3OrTheArrowsStepThroughThem(FxRobot robot) throws Exception {
        Color hashBefore = colourOf(TestTrees.HASH_LOOP);
        Color rootBefore = colourOf();
        robot.clickOn(centerOf());
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("sort");
        Color sort = colourOf(TestTrees.SORT_LOOP);
        assertThat(new int[]{(int) Math.round(sort.getRed() * 255), (int) Math.round(sort.getGreen() * 255),
                (int) Math.round(sort.getBlue() * 255)}).as("highlighted: %s", sort).containsExactly(0xe6, 0x6c, 0xe6);
        Color hash = colourOf(TestTrees.HASH_LOOP);
        assertThat(hash).as("dimmed").isNotEqualTo(hashBefore);
        assertThat(hash.getBrightness()).isGreaterThan(hashBefore.getBrightness() - 0.01);
        assertThat(hash.getSaturation()).as("faded towards the background").isLessThan(hashBefore.getSaturation() * 0.5);
        assertThat(colourOf()).as("the root is neither").isEqualTo(rootBefore);

        robot.type(KeyCode.ESCAPE); // back from the search field to the graph
        robot.type(KeyCode.F3);
        assertThat(selectedPath()).containsExactly(TestTrees.SORT_LOOP);
        robot.type(KeyCode.F3);
        assertThat(selectedPath()).containsExactly("java.lang.Thread.run", "dev.vitals.demo.Work.run",
                "dev.vitals.demo.Work.sortLoop", "java.util.Arrays.sort");
        robot.type(KeyCode.F3);
        assertThat(selectedPath()).as("wraps around").containsExactly(TestTrees.SORT_LOOP);
        robot.press(KeyCode.SHIFT).type(KeyCode.F3).release(KeyCode.SHIFT);
        assertThat(selectedPath()).containsExactly("java.lang.Thread.run", "dev.vitals.demo.Work.run",
                "dev.vitals.demo.Work.sortLoop", "java.util.Arrays.sort");
        robot.clickOn("\u25b2");
        assertThat(selectedPath()).as("previous match button").containsExactly(TestTrees.SORT_LOOP);
        robot.clickOn("\u25bc");
        assertThat(selectedPath()).as("next match button").hasSize(4).endsWith("java.util.Arrays.sort");
    }

    @Test
    void hoverShowsTheTooltipWithSharesTypeAndTraceability(FxRobot robot) throws Exception {
        robot.moveTo(centerOf(TestTrees.HASH_LOOP));
        String text = onFx(FlameGraphInteractionTest::shownTooltipText);
        assertThat(text).contains("dev.vitals.demo.Work.hashLoop")
                .contains("Total: 60 samples, 60.0 % of selection, 66.7 % of parent")
                .contains("Self: 60 samples, 60.0 % of selection")
                .contains("Frame type: JIT compiled")
                .contains("Traceable: yes");
        robot.moveTo(centerOf("java.lang.Thread.run", "java.io.FileOutputStream.writeBytes"));
        assertThat(onFx(FlameGraphInteractionTest::shownTooltipText))
                .contains("Total: 7 samples, 7.0 % of selection, 7.0 % of parent")
                .contains("Frame type: Native")
                .doesNotContain("Traceable");
        robot.moveTo(centerOf().add(0, -400));
        assertThat(onFx(FlameGraphInteractionTest::shownTooltipText)).as("no frame under the mouse").isNull();
    }

    @Test
    void hoverAndSelectionRepaintOnlyTheOverlay(FxRobot robot) throws Exception {
        FlamePanel panel = onFx(() -> (FlamePanel) graph.lookup(".flame-panel"));
        long before = onFx(panel::framesPaints);
        robot.moveTo(centerOf(TestTrees.HASH_LOOP)).moveTo(centerOf(TestTrees.SORT_LOOP)).moveTo(centerOf(TestTrees.WORK_RUN));
        onFx(() -> {
            graph.setSelectedFrame(graph.frame(List.of(TestTrees.SORT_LOOP)));
            return null;
        });
        assertThat(onFx(panel::framesPaints)).isEqualTo(before);
        robot.clickOn(centerOf(TestTrees.SORT_LOOP));
        assertThat(onFx(panel::framesPaints)).as("a zoom repaints the frames").isGreaterThan(before);
    }

    static String shownTooltipText() {
        for (Window window : Window.getWindows()) {
            if (window instanceof Tooltip tooltip && tooltip.isShowing()) {
                return tooltip.getText();
            }
        }
        return null;
    }

    @Test
    void arrowKeysMoveBetweenParentChildAndSiblingsKeepingTheFrameVisible(FxRobot robot) throws Exception {
        robot.clickOn(centerOf("java.lang.Thread.run"));
        assertThat(selectedPath()).containsExactly("java.lang.Thread.run");
        robot.type(KeyCode.UP);
        assertThat(selectedPath()).as("the widest child").containsExactly(TestTrees.WORK_RUN);
        robot.type(KeyCode.UP);
        assertThat(selectedPath()).containsExactly(TestTrees.HASH_LOOP);
        robot.type(KeyCode.RIGHT);
        assertThat(selectedPath()).containsExactly(TestTrees.SORT_LOOP);
        robot.type(KeyCode.LEFT);
        assertThat(selectedPath()).containsExactly(TestTrees.HASH_LOOP);
        robot.type(KeyCode.DOWN);
        assertThat(selectedPath()).containsExactly(TestTrees.WORK_RUN);
        robot.type(KeyCode.RIGHT);
        assertThat(selectedPath()).containsExactly("java.lang.Thread.run", "java.io.FileOutputStream.writeBytes");

        robot.clickOn(centerOf(TestTrees.HASH_LOOP));
        assertThat(boundsOf(TestTrees.SORT_LOOP)).as("outside the zoomed frame").isNull();
        robot.type(KeyCode.RIGHT);
        assertThat(selectedPath()).containsExactly(TestTrees.SORT_LOOP);
        assertThat(boundsOf(TestTrees.SORT_LOOP)).as("the view follows the focused frame").isNotNull();
        robot.type(KeyCode.ENTER);
        assertThat(zoomPath()).containsExactly(TestTrees.SORT_LOOP);
    }

    @Test
    void contextMenuPublishesFocusAndOtherRequests(FxRobot robot) throws Exception {
        robot.rightClickOn(centerOf(TestTrees.SORT_LOOP));
        robot.clickOn("Focus on Work.sortLoop");
        assertThat(actions).hasSize(1);
        assertThat(actions.getFirst()).isInstanceOf(FlameGraphAction.Focus.class);
        assertThat(actions.getFirst().frame().path()).containsExactly(TestTrees.SORT_LOOP);
        assertThat(selectedPath()).containsExactly(TestTrees.SORT_LOOP);

        robot.rightClickOn(centerOf(TestTrees.HASH_LOOP));
        robot.clickOn("Trace this method");
        assertThat(actions.getLast()).isEqualTo(new FlameGraphAction.TraceMethod(onFx(() -> graph.frame(List.of(TestTrees.HASH_LOOP)))));

        robot.rightClickOn(centerOf(TestTrees.HASH_LOOP));
        robot.clickOn("Copy stack");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("""
                dev.vitals.demo.Work.hashLoop
                dev.vitals.demo.Work.run
                java.lang.Thread.run
                """);
        robot.rightClickOn(centerOf(TestTrees.HASH_LOOP));
        robot.clickOn("Copy name");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("dev.vitals.demo.Work.hashLoop");

        robot.rightClickOn(centerOf(TestTrees.SORT_LOOP));
        robot.clickOn("Collapse recursion of Work.sortLoop");
        assertThat(actions.getLast()).isInstanceOf(FlameGraphAction.CollapseRecursion.class);

        robot.rightClickOn(centerOf(TestTrees.HASH_LOOP));
        robot.clickOn("Drop JIT compiled frames");
        assertThat(actions.getLast()).isInstanceOfSatisfying(FlameGraphAction.DropFrameType.class,
                drop -> assertThat(drop.frameType()).isEqualTo(dev.vitals.model.FrameType.JIT));

        robot.rightClickOn(centerOf(TestTrees.HASH_LOOP));
        robot.clickOn("Merge Work.hashLoop");
        assertThat(actions.getLast()).isEqualTo(new FlameGraphAction.Merge(onFx(() -> graph.frame(List.of(TestTrees.HASH_LOOP)))));
        robot.rightClickOn(centerOf(TestTrees.SORT_LOOP));
        robot.clickOn("Show in sandwich");
        assertThat(actions.getLast()).isEqualTo(new FlameGraphAction.ShowInSandwich(onFx(() -> graph.frame(List.of(TestTrees.SORT_LOOP)))));

        robot.rightClickOn(centerOf("java.lang.Thread.run", "java.io.FileOutputStream.writeBytes"));
        MenuItem trace = onFx(() -> shownContextMenuItem("Trace this method"));
        assertThat(onFx(trace::isDisable)).as("a frame the target cannot trace").isTrue();
        assertThat(onFx(() -> shownContextMenuItem("Merge FileOutputStream.writeBytes").isDisable())).isFalse();
        robot.type(KeyCode.ESCAPE);
        assertThat(actions).as("the copies and the closed menu publish nothing").hasSize(6);
    }

    @Test
    void aRightClickShowsTheMenuAndChangesNothingElse(FxRobot robot) throws Exception {
        assertThat(selectedPath()).isNull();
        robot.rightClickOn(centerOf(TestTrees.SORT_LOOP));
        assertThat(onFx(() -> shownContextMenuItem("Focus on Work.sortLoop"))).isNotNull();
        assertThat(selectedPath()).as("no selection change (and so no linked view re-queried) before the menu shows")
                .isNull();
        robot.type(KeyCode.ESCAPE);
        assertThat(selectedPath()).as("a closed menu changes nothing").isNull();
    }

    private static MenuItem shownContextMenuItem(String text) {
        for (Window window : Window.getWindows()) {
            if (window instanceof ContextMenu menu && menu.isShowing()) {
                return menu.getItems().stream().filter(item -> text.equals(item.getText())).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("no context menu shown");
    }

    @Test
    void switchesBetweenFlameIcicleAndInverted(FxRobot robot) throws Exception {
        CallTree inverted = CallTree.fromCollapsed(reversedStacks(TestTrees.DEMO));
        onFx(() -> {
            graph.modeProperty().addListener((obs, was, mode) ->
                    graph.setCallTree(mode == FlameGraphMode.INVERTED ? inverted : TestTrees.demo()));
            return null;
        });
        assertThat(boundsOf(TestTrees.HASH_LOOP).getMinY()).as("flame: callees above the root").isLessThan(boundsOf().getMinY());

        robot.clickOn("Icicle");
        assertThat(onFx(graph::getOrientation)).isEqualTo(FlameOrientation.ICICLE);
        assertThat(boundsOf(TestTrees.HASH_LOOP).getMinY()).as("icicle: callees below the root").isGreaterThan(boundsOf().getMinY());

        robot.clickOn("Inverted");
        assertThat(onFx(graph::getMode)).isEqualTo(FlameGraphMode.INVERTED);
        Bounds leaf = boundsOf("dev.vitals.demo.Work.hashLoop");
        assertThat(leaf).as("leaf methods are the root's children").isNotNull();
        assertThat(onFx(() -> graph.frameAt(leaf.getCenterX(), leaf.getCenterY()).path()))
                .containsExactly("dev.vitals.demo.Work.hashLoop");
        assertThat(boundsOf("dev.vitals.demo.Work.hashLoop", "dev.vitals.demo.Work.run").getMinY()).isGreaterThan(leaf.getMinY());

        robot.clickOn("Flame");
        robot.clickOn("Top-down");
        assertThat(boundsOf(TestTrees.HASH_LOOP).getMinY()).isLessThan(boundsOf().getMinY());
        robot.clickOn("Flame");
        ToggleButton flame = robot.lookup("Flame").queryAs(ToggleButton.class);
        assertThat(onFx(flame::isSelected)).as("clicking the selected layout keeps it selected").isTrue();
        assertThat(onFx(() -> robot.lookup("Icicle").queryAs(ToggleButton.class).isSelected())).isFalse();
    }

    static String reversedStacks(String collapsed) {
        StringBuilder out = new StringBuilder();
        for (String line : collapsed.strip().split("\n")) {
            int space = line.lastIndexOf(' ');
            List<String> frames = new ArrayList<>(List.of(line.substring(0, space).split(";")));
            out.append(String.join(";", frames.reversed())).append(line.substring(space)).append('\n');
        }
        return out.toString();
    }
}
