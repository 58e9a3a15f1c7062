package dev.vitals.views;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.EventList;
import dev.vitals.model.query.Selection;
import dev.vitals.views.events.EventTable;
import dev.vitals.views.heatmap.FlameScopeHeatmap;
import dev.vitals.views.timeline.LaneSort;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Set;
import java.util.TreeSet;

import static dev.vitals.views.Demo.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The click-through on the demo recording, driven like a user: a FlameScope cell of a 300 ms spike
 * makes {@code Work.spike} dominate the selection; a drag across timeline lanes fills the event
 * table with exactly the events in that range and those threads; a frame filter for
 * {@code Work.hashLoop} highlights the worker lanes; Alt+← and Esc walk and clear the history.
 */
@ExtendWith(ApplicationExtension.class)
class ClickThroughTest {
    private final ProfileSnapshot snapshot = Demo.snapshot();
    private SelectionModel selection;
    private ThreadTimeline timeline;
    private FlameScopeHeatmap flameScope;
    private EventTable events;

    @Start
    void start(Stage stage) {
        selection = new SelectionModel(Selection.cpu());
        TimeAxis axis = new TimeAxis(Demo.recording());
        timeline = new ThreadTimeline(snapshot, selection, axis);
        flameScope = new FlameScopeHeatmap(snapshot, selection);
        events = new EventTable(snapshot, selection, Demo.REQUEST);
        timeline.setPrefHeight(420);
        flameScope.setPrefHeight(330);
        events.setPrefHeight(200);
        VBox.setVgrow(events, Priority.ALWAYS);
        stage.setScene(new Scene(new VBox(timeline, flameScope, events), 1200, 980));
        stage.show();
    }

    private double share(Selection s, String method) {
        CallTree all = CallTrees.topDown(snapshot, s);
        CallTree through = CallTrees.sandwich(snapshot, s, method).callees();
        return all.total(0) == 0 ? 0 : (double) through.total(0) / all.total(0);
    }

    private Point2D screen(javafx.scene.Node node, Bounds local) throws Exception {
        return onFx(() -> {
            Bounds b = node.localToScreen(local);
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    @Test
    void clickingTheFlameScopeCellOfASpikeMakesWorkSpikeDominant(FxRobot robot) throws Exception {
        assertThat(share(selection.getSelection(), Demo.SPIKE)).as("Work.spike before").isLessThan(0.1);
        Set<Integer> requests = Selection.threadsMatching(snapshot, "^requests$");
        robot.interact(() -> selection.select(selection.getSelection().withThreads(requests)));
        long spikeSample = EventList.of(snapshot, Selection.cpu().withThreads(requests).withFrameFilter(Demo.SPIKE), 1)
                .rows().getFirst().startNanos();
        Bounds cell = onFx(() -> flameScope.cellBounds(spikeSample));
        assertThat(cell).as("the spike's cell is visible").isNotNull();
        assertThat(onFx(() -> flameScope.cellValue(spikeSample))).isPositive();

        robot.clickOn(screen(flameScope, cell), MouseButton.PRIMARY);

        Selection clicked = onFx(selection::getSelection);
        long slot = 20_000_000L;
        long start = snapshot.info().startNanos();
        long cellStart = start + (spikeSample - start) / slot * slot;
        assertThat(clicked.fromNanos()).isEqualTo(cellStart);
        assertThat(clicked.toNanos()).isEqualTo(cellStart + slot);
        assertThat(clicked.threads()).isEqualTo(requests);
        assertThat(share(clicked, Demo.SPIKE)).as("Work.spike in the clicked cell").isGreaterThanOrEqualTo(0.5);

        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        assertThat(onFx(selection::getSelection).fromNanos()).as("Alt+Left goes back").isEqualTo(Long.MIN_VALUE);
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        assertThat(onFx(selection::getSelection)).as("Alt+Right goes forward").isEqualTo(clicked);
        robot.type(KeyCode.ESCAPE);
        Selection cleared = onFx(selection::getSelection);
        assertThat(cleared.fromNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(cleared.threads()).isEmpty();
    }

    @Test
    void draggingAcrossTimelineLanesListsExactlyTheEventsInTheRangeAndThreads(FxRobot robot) throws Exception {
        // By name, "requests" lies between "parker" and "sleeper".
        robot.interact(() -> timeline.setLaneSort(LaneSort.NAME));
        Bounds top = onFx(() -> timeline.laneBounds("parker"));
        Bounds bottom = onFx(() -> timeline.laneBounds("sleeper"));
        assertThat(top).isNotNull();
        assertThat(bottom).isNotNull();
        double laneLeft = top.getMinX() + 160;
        double laneWidth = top.getMaxX() - laneLeft;
        Point2D from = onFx(() -> timeline.localToScreen(laneLeft + laneWidth * 0.2, top.getCenterY()));
        Point2D to = onFx(() -> timeline.localToScreen(laneLeft + laneWidth * 0.65, bottom.getCenterY()));

        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);

        Selection dragged = onFx(selection::getSelection);
        long length = snapshot.info().endNanos() - snapshot.info().startNanos();
        long start = snapshot.info().startNanos();
        assertThat(dragged.fromNanos() - start).isBetween((long) (length * 0.18), (long) (length * 0.22));
        assertThat(dragged.toNanos() - start).isBetween((long) (length * 0.63), (long) (length * 0.67));
        Set<String> threads = new TreeSet<>();
        dragged.threads().forEach(t -> threads.add(snapshot.threads().name(t)));
        assertThat(threads).contains("parker", "requests", "sleeper").doesNotContain("worker-1", "main");

        Set<Object> expected = new TreeSet<>();
        IntervalTable intervals = snapshot.intervals();
        int type = intervals.typeIndexOf(Demo.REQUEST);
        for (int i = 0; i < intervals.length(); i++) {
            if (intervals.typeIndex(i) == type && intervals.start(i) >= dragged.fromNanos()
                    && intervals.start(i) < dragged.toNanos() && dragged.threads().contains(intervals.thread(i))) {
                expected.add(intervals.field(i, "requestId"));
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        Set<Object> listed = onFx(() -> {
            Set<Object> ids = new TreeSet<>();
            events.getRows().forEach(r -> ids.add(r.fields().get("requestId")));
            return ids;
        });
        assertThat(onFx(() -> events.getRows().size())).isEqualTo(expected.size());
        assertThat(listed).isEqualTo(expected);
    }

    @Test
    void aFrameFilterForHashLoopHighlightsTheWorkerLanes(FxRobot robot) throws Exception {
        assertThat(onFx(timeline::highlightedThreads)).isEmpty();
        robot.interact(() -> selection.select(selection.getSelection().withFrameFilter(Demo.HASH_LOOP)));
        assertThat(onFx(timeline::highlightedThreads)).containsExactly("worker-1", "worker-2");
    }
}
