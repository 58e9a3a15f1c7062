package dev.vitals.views.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitals.model.query.EventList;
import dev.vitals.views.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GC pauses shade each pixel column by the share of its time they took: the demo's ~2 000 short
 * pauses over ten minutes tint the thread lanes and the heap chart instead of covering them (as one
 * full-opacity pixel each, they hid every state of every lane in the live pictures).
 */
class PauseShadingTest {
    private static final long MS = 1_000_000L;

    private static EventList.Row pause(long startNanos, long durationNanos) {
        return new EventList.Row(startNanos, durationNanos, -1, "", -1, 0, Map.of());
    }

    @Test
    void aPauseCoversTheColumnsItSpansByTheirShare() {
        // 10 ms a pixel; a pause from 25 ms to 42.5 ms: half of column 2, all of 3, a quarter of 4
        double[] covered = PauseShading.coverage(List.of(pause(25 * MS, 17_500_000L)), new TimeRange(0, 100 * MS), 10);
        assertThat(covered[1]).isZero();
        assertThat(covered[2]).isCloseTo(0.5, within(1e-9));
        assertThat(covered[3]).isCloseTo(1.0, within(1e-9));
        assertThat(covered[4]).isCloseTo(0.25, within(1e-9));
        assertThat(covered[5]).isZero();
        assertThat(PauseShading.opacity(covered[3])).isEqualTo(1.0);
    }

    @Test
    void manyShortPausesInALongViewOnlyTintTheData() {
        // ten minutes on 1 100 px; a 5 ms pause every 300 ms, as the demo's young collections
        List<EventList.Row> pauses = new ArrayList<>();
        for (long t = 0; t < 600_000 * MS; t += 300 * MS) {
            pauses.add(pause(t, 5 * MS));
        }
        double[] covered = PauseShading.coverage(pauses, new TimeRange(0, 600_000 * MS), 1100);
        for (double share : covered) {
            assertThat(share).isGreaterThan(0).isLessThan(0.05);
            assertThat(PauseShading.opacity(share)).isEqualTo(PauseShading.LEAST);
        }
        assertThat(PauseShading.LEAST * Palettes.GC.getOpacity()).as("the tint over the lanes").isLessThan(0.1);
    }

    @Test
    void pausesOutsideTheRangeAreLeftOut() {
        double[] covered = PauseShading.coverage(List.of(pause(-50 * MS, 10 * MS), pause(200 * MS, 10 * MS)),
                new TimeRange(0, 100 * MS), 10);
        assertThat(covered).containsOnly(0.0);
    }
}
