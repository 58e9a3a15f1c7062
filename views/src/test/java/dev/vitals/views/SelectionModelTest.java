package dev.vitals.views;

import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared selection's history and the shared time axis's clamping, without a window. */
class SelectionModelTest {
    @Test
    void backForwardAndClearWalkTheHistory() {
        SelectionModel model = new SelectionModel(Selection.cpu());
        Selection a = Selection.cpu().withRange(10, 20);
        Selection b = a.withThreads(Set.of(3));
        model.select(a);
        model.select(b);
        assertThat(model.canGoBackProperty().get()).isTrue();
        assertThat(model.back()).isTrue();
        assertThat(model.getSelection()).isEqualTo(a);
        assertThat(model.canGoForwardProperty().get()).isTrue();
        assertThat(model.forward()).isTrue();
        assertThat(model.getSelection()).isEqualTo(b);
        model.back();
        model.select(a.withFrameFilter("x.Y.z"));
        assertThat(model.forward()).as("a new selection drops the forward part").isFalse();
        model.clear();
        assertThat(model.getSelection()).isEqualTo(Selection.cpu());
        assertThat(model.back()).isTrue();
        assertThat(model.getSelection().frameFilter()).isEqualTo("x.Y.z");
    }

    @Test
    void theAxisZoomsAroundAnAnchorAndStaysInsideItsLimits() {
        TimeAxis axis = new TimeAxis(new TimeRange(0, 1_000_000_000L));
        axis.zoom(0.5, 250_000_000L);
        assertThat(axis.getVisible()).isEqualTo(new TimeRange(125_000_000L, 625_000_000L));
        axis.pan(-400_000_000L);
        assertThat(axis.getVisible()).isEqualTo(new TimeRange(0, 500_000_000L));
        axis.zoom(1e-9, 0);
        assertThat(axis.getVisible().length()).isEqualTo(TimeAxis.MIN_SPAN_NANOS);
        axis.show(900_000_000L, 1_000_000_000L);
        axis.setLimits(new TimeRange(0, 2_000_000_000L));
        assertThat(axis.getVisible()).as("a view at the live end follows it")
                .isEqualTo(new TimeRange(1_900_000_000L, 2_000_000_000L));
        axis.reset();
        axis.setLimits(new TimeRange(0, 3_000_000_000L));
        assertThat(axis.getVisible()).isEqualTo(axis.getLimits());
    }
}
