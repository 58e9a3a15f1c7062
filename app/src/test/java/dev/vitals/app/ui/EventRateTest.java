package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The live status's events/s: steady over flushes that arrive two in one second and none in the next. */
class EventRateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void flushesThatArriveUnevenlyGiveTheSteadyRate() {
        EventRate rate = new EventRate();
        long count = 0;
        rate.add(0, count);
        for (int s = 1; s <= 20; s++) {
            // 300 events a second, delivered as two flushes every other second (a count read once a
            // second between them said 0 and 600 events/s in turn)
            count += s % 2 == 0 ? 600 : 0;
            long now = rate.add(s * SECOND, count);
            if (s >= 6) {
                assertThat(now).as("second %d", s).isBetween(240L, 360L);
            }
        }
    }

    @Test
    void aRateThatChangesIsFollowedWithinTheWindow() {
        EventRate rate = new EventRate();
        for (int s = 0; s <= 10; s++) {
            rate.add(s * SECOND, s * 100L);
        }
        long count = 1000;
        long last = 0;
        for (int s = 11; s <= 17; s++) {
            count += 1000;
            last = rate.add(s * SECOND, count);
        }
        assertThat(last).isEqualTo(1000);
        assertThat(new EventRate().add(5, 10)).as("one reading has no rate").isZero();
    }
}
