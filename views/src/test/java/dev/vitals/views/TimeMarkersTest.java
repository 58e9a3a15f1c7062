package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.Selection;
import dev.vitals.views.chart.Metric;
import dev.vitals.views.chart.MetricChart;
import dev.vitals.views.internal.MarkerLayer;
import dev.vitals.views.timeline.ThreadTimeline;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static dev.vitals.views.Demo.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/** Markers over the timeline and a chart: drawn as coloured tabs, and a click on a tab selects the marker's span. */
@ExtendWith(ApplicationExtension.class)
class TimeMarkersTest {
    private final ProfileSnapshot snapshot = Demo.snapshot();
    private SelectionModel selection;
    private ThreadTimeline timeline;
    private MetricChart chart;
    private TimeMarker alert;
    private TimeMarker bookmark;

    @Start
    void start(Stage stage) {
        selection = new SelectionModel(Selection.cpu());
        TimeAxis axis = new TimeAxis(Demo.recording());
        timeline = new ThreadTimeline(snapshot, selection, axis);
        chart = new MetricChart(Metric.CPU, snapshot, selection, axis);
        long start = Demo.recording().fromNanos();
        alert = new TimeMarker(start + 2_000_000_000L, start + 2_300_000_000L, "Slow requests: p99 300 ms",
                TimeMarker.Kind.ALERT, Set.of(7));
        bookmark = new TimeMarker(start + 5_000_000_000L, start + 6_000_000_000L, "after the GC", TimeMarker.Kind.BOOKMARK,
                Set.of());
        for (TimeControl control : List.of(timeline, chart)) {
            control.setMarkers(List.of(alert, bookmark));
        }
        timeline.setPrefHeight(300);
        chart.setPrefHeight(120);
        stage.setScene(new Scene(new VBox(chart, timeline), 1000, 420));
        stage.show();
    }

    @Test
    void clickingAnAlertTabOnAChartSelectsItsSpanAndThreads(FxRobot robot) throws Exception {
        Bounds tab = onFx(() -> chart.markerBounds(alert));
        assertThat(tab).isNotNull();
        Color drawn = onFx(() -> {
            WritableImage image = chart.snapshot(null, null);
            return image.getPixelReader().getColor((int) tab.getMinX() + 2, (int) tab.getCenterY());
        });
        assertThat(drawn.getRed()).as("the alert tab is red: " + drawn).isGreaterThan(0.6);
        assertThat(drawn.getGreen()).isLessThan(0.35);

        // A click beside the tab is no marker click: the selection stays.
        robot.clickOn(onFx(() -> chart.localToScreen(tab.getMaxX() + 40, tab.getMaxY() + 30)));
        assertThat(onFx(selection::getSelection)).isEqualTo(Selection.cpu());

        robot.clickOn(onFx(() -> chart.localToScreen(tab.getMinX() + 3, tab.getCenterY())));
        Selection s = onFx(selection::getSelection);
        assertThat(s.fromNanos()).isEqualTo(alert.fromNanos());
        assertThat(s.toNanos()).isEqualTo(alert.toNanos());
        assertThat(s.threads()).containsExactly(7);
    }

    @Test
    void aClickSelectsTheTickUnderThePointerWhenPressedWhateverArrivesBeforeTheRelease(FxRobot robot) throws Exception {
        assertPressedTickIsSelected(robot, chart, chart::markerBounds);
        robot.interact(() -> selection.select(Selection.cpu()));
        assertPressedTickIsSelected(robot, timeline, timeline::markerBounds);
    }

    private void assertPressedTickIsSelected(FxRobot robot, TimeControl control,
                                             Function<TimeMarker, Bounds> bounds) throws Exception {
        Bounds tab = onFx(() -> bounds.apply(alert));
        robot.moveTo(onFx(() -> control.localToScreen(tab.getCenterX(), tab.getCenterY()))).press(MouseButton.PRIMARY);
        // live, a shorter alert of another rule arrives under the pointer while the button is down
        TimeMarker later = new TimeMarker(alert.fromNanos() + 100_000_000L, alert.fromNanos() + 200_000_000L,
                "Blocked thread", TimeMarker.Kind.ALERT, Set.of(5));
        robot.interact(() -> control.setMarkers(List.of(alert, bookmark, later)));
        assertThat(onFx(() -> bounds.apply(later).contains(tab.getCenterX(), tab.getCenterY())))
                .as("the new tick lies under the pointer in " + control.getClass().getSimpleName()).isTrue();
        robot.release(MouseButton.PRIMARY);
        Selection s = onFx(selection::getSelection);
        assertThat(s.fromNanos()).as("the tick pressed in " + control.getClass().getSimpleName())
                .isEqualTo(alert.fromNanos());
        assertThat(s.threads()).containsExactly(7);
        robot.interact(() -> control.setMarkers(List.of(alert, bookmark)));
    }

    @Test
    void clickingABookmarkTabOnTheTimelineSelectsItsSpanForAllThreads(FxRobot robot) throws Exception {
        Bounds tab = onFx(() -> timeline.markerBounds(bookmark));
        Color drawn = onFx(() -> timeline.snapshot(null, null).getPixelReader()
                .getColor((int) tab.getMinX() + 2, (int) tab.getCenterY()));
        assertThat(drawn.getBlue()).as("the bookmark tab is violet: " + drawn).isGreaterThan(0.6);
        robot.clickOn(onFx(() -> timeline.localToScreen(tab.getCenterX(), tab.getCenterY())));
        Selection s = onFx(selection::getSelection);
        assertThat(s.fromNanos()).isEqualTo(bookmark.fromNanos());
        assertThat(s.toNanos()).isEqualTo(bookmark.toNanos());
        assertThat(s.threads()).isEmpty();
        robot.type(KeyCode.ESCAPE);

        // Markers taken away are gone from the view and from the clicks.
        robot.interact(() -> timeline.setMarkers(List.of()));
        assertThat(onFx(() -> timeline.markerBounds(bookmark))).isNotNull();
        robot.clickOn(onFx(() -> timeline.localToScreen(tab.getCenterX(), tab.getCenterY())));
        assertThat(onFx(selection::getSelection).fromNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aFindingIsATickAboveTheDataNotABandOverIt(FxRobot robot) throws Exception {
        long start = Demo.recording().fromNanos();
        TimeMarker finding = new TimeMarker(start + 1_000_000_000L, start + 8_000_000_000L, "Competing CPU usage",
                TimeMarker.Kind.FINDING, Set.of());
        robot.interact(() -> chart.setMarkers(List.of()));
        WritableImage without = onFx(() -> chart.snapshot(null, null));
        robot.interact(() -> chart.setMarkers(List.of(finding)));
        Bounds tick = onFx(() -> chart.markerBounds(finding));
        assertThat(tick.getHeight()).as("a slim tick, not a tab").isLessThan(MarkerLayer.TAB_HEIGHT);
        WritableImage with = onFx(() -> chart.snapshot(null, null));
        Color drawn = with.getPixelReader().getColor((int) tick.getCenterX(), (int) tick.getMaxY() - 2);
        assertThat(drawn.getRed()).as("the tick is amber: " + drawn).isGreaterThan(0.6);
        assertThat(drawn.getBlue()).isLessThan(0.4);
        int changed = 0;
        for (int x = (int) tick.getMinX() + 4; x < tick.getMaxX() - 4; x += 3) {
            for (int y = (int) tick.getMaxY() + 2; y < (int) without.getHeight() - 2; y += 3) {
                if (!without.getPixelReader().getColor(x, y).equals(with.getPixelReader().getColor(x, y))) {
                    changed++;
                }
            }
        }
        assertThat(changed).as("pixels of the data under the finding's span that it changed").isZero();
    }
}
