package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.query.Selection;
import dev.vitals.views.events.EventTable;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.vitals.views.Demo.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views' queries on an executor the test runs by hand: at most one in flight per query, the
 * newest request wins and a superseded answer is dropped, "computing…" shows when an answer is
 * late, and the last picture stays while a new snapshot is computed.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundQueriesTest {
    private final ProfileSnapshot snapshot = Demo.snapshot();
    private final HeldExecutor executor = new HeldExecutor();
    private SelectionModel selection;
    private TimeAxis axis;
    private ThreadTimeline timeline;
    private EventTable events;

    /** Keeps submitted tasks until the test runs them. */
    private static final class HeldExecutor implements Executor {
        private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        int pending() throws Exception {
            WaitForAsyncUtils.waitForFxEvents();
            return tasks.size();
        }

        /** Runs the oldest task here (its answer goes to the FX thread) and waits for the FX thread. */
        void runOne() throws Exception {
            tasks.poll(5, TimeUnit.SECONDS).run();
            WaitForAsyncUtils.waitForFxEvents();
        }

        /** Runs tasks until no query asks for more. */
        void drain() throws Exception {
            while (pending() > 0) {
                runOne();
            }
        }
    }

    @Start
    void start(Stage stage) {
        selection = new SelectionModel(Selection.cpu());
        axis = new TimeAxis(Demo.recording());
        timeline = new ThreadTimeline(snapshot, selection, axis);
        events = new EventTable(snapshot, selection, Demo.REQUEST);
        timeline.setQueryExecutor(executor);
        events.setQueryExecutor(executor);
        timeline.setPrefHeight(400);
        events.setPrefHeight(200);
        stage.setScene(new Scene(new VBox(timeline, events), 1000, 620));
        stage.show();
    }

    private Label status() {
        return (Label) timeline.lookup(".view-status");
    }

    @Test
    void oneQueryInFlightTheNewestWinsAndALateAnswerSaysComputing(FxRobot robot) throws Exception {
        assertThat(executor.pending()).as("at most one for the lanes and one for the event rows").isBetween(1, 2);
        assertThat(onFx(timeline::isComputing)).isTrue();
        assertThat(onFx(timeline::rowNames)).as("nothing to draw yet").isEmpty();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status().isVisible());
        assertThat(status().getText()).isEqualTo("computing\u2026");

        executor.drain();
        assertThat(onFx(timeline::rowNames)).contains("worker-1", "requests");
        assertThat(onFx(() -> events.getRows().size())).isPositive();
        assertThat(onFx(timeline::isComputing)).isFalse();
        assertThat(onFx(() -> status().isVisible())).isFalse();

        // Two zooms while the first runs: one query in flight, the second waits.
        robot.interact(() -> axis.zoom(0.5, axis.getVisible().fromNanos()));
        assertThat(executor.pending()).isEqualTo(1);
        robot.interact(() -> axis.zoom(0.5, axis.getVisible().fromNanos()));
        assertThat(executor.pending()).as("at most one in flight").isEqualTo(1);
        List<String> before = onFx(timeline::rowNames);
        String tipBefore = onFx(() -> tooltipOfWorker());

        executor.runOne();
        assertThat(onFx(timeline::rowNames)).as("the superseded answer is dropped; the old lanes stay").isEqualTo(before);
        assertThat(onFx(() -> tooltipOfWorker())).isEqualTo(tipBefore);
        assertThat(executor.pending()).as("the newest request runs next").isEqualTo(1);
        executor.runOne();
        assertThat(onFx(timeline::isComputing)).isFalse();
        assertThat(executor.pending()).isZero();
        assertThat(onFx(() -> tooltipOfWorker())).as("the answer for the twice-zoomed range is shown")
                .isNotEqualTo(tipBefore);
    }

    @Test
    void aNewSnapshotKeepsThePictureUntilItsAnswerArrives(FxRobot robot) throws Exception {
        executor.drain();
        List<String> rows = onFx(timeline::rowNames);
        int listed = onFx(() -> events.getRows().size());
        RecordingInfo info = snapshot.info();
        ProfileSnapshot next = new ProfileSnapshot(snapshot.methods(), snapshot.frames(), snapshot.stacks(),
                snapshot.threads(), snapshot.samples(), snapshot.intervals(), snapshot.series(),
                new RecordingInfo(info.source() + " (next)", info.jvmVersion(), info.jvmName(), info.startNanos(),
                        info.endNanos(), info.chunkCount(), info.eventCounts(), info.warnings()));
        robot.interact(() -> {
            timeline.setSnapshot(next);
            events.setSnapshot(next);
        });
        assertThat(executor.pending()).isEqualTo(2);
        assertThat(onFx(timeline::isComputing)).isTrue();
        assertThat(onFx(timeline::rowNames)).as("the lanes stay while the new snapshot is queried").isEqualTo(rows);
        assertThat(onFx(() -> events.getRows().size())).isEqualTo(listed);
        executor.drain();
        assertThat(onFx(timeline::isComputing)).isFalse();
        assertThat(onFx(timeline::rowNames)).isEqualTo(rows);
    }

    @Test
    void aViewHasAnsweredOnlyOnceTheAnswerToItsOwnSnapshotIsShown(FxRobot robot) throws Exception {
        assertThat(executor.pending()).isPositive();
        assertThat(onFx(timeline::hasAnswered)).as("asked, not answered").isFalse();
        assertThat(onFx(() -> timeline.answeredProperty().get())).isNull();
        executor.drain();
        assertThat(onFx(timeline::hasAnswered)).isTrue();
        assertThat(onFx(events::hasAnswered)).isTrue();
        assertThat(onFx(() -> timeline.answeredProperty().get())).isSameAs(snapshot);

        RecordingInfo info = snapshot.info();
        ProfileSnapshot next = new ProfileSnapshot(snapshot.methods(), snapshot.frames(), snapshot.stacks(),
                snapshot.threads(), snapshot.samples(), snapshot.intervals(), snapshot.series(),
                new RecordingInfo(info.source() + " (next)", info.jvmVersion(), info.jvmName(), info.startNanos(),
                        info.endNanos(), info.chunkCount(), info.eventCounts(), info.warnings()));
        robot.interact(() -> timeline.setSnapshot(next));
        // an answer shown is not enough: it must be of the snapshot the view shows now
        assertThat(onFx(timeline::hasAnswered)).as("a new snapshot, its answer still to come").isFalse();
        assertThat(executor.pending()).isEqualTo(1);
        executor.runOne();
        assertThat(onFx(() -> timeline.answeredProperty().get())).isSameAs(next);
        assertThat(onFx(timeline::hasAnswered)).isTrue();

        // a view that asks nothing (no event type) has nothing to wait for
        robot.interact(() -> events.setEventType(null));
        assertThat(onFx(events::hasAnswered)).isTrue();
    }

    /** The hover text in the middle of worker-1's lane: its state run depends on the lanes' range. */
    private String tooltipOfWorker() {
        var lane = timeline.laneBounds("worker-1");
        return timeline.tooltipAt(lane.getMinX() + 160 + (lane.getWidth() - 160) * 0.5, lane.getCenterY());
    }
}
