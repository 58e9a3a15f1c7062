package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One notification per 30 s at most; the episodes held back in between are told in the next. */
class NotificationLimitTest {
    private static final long S = 1_000_000_000L;

    @Test
    void episodesStartingWithinThirtySecondsOfANotificationAreHeldBackAndCountedInTheNext() {
        NotificationLimit limit = new NotificationLimit();
        long t0 = 123 * S;
        assertThat(limit.allow(t0, 1)).as("the first episode").isTrue();
        assertThat(limit.takeHeld()).isZero();
        // The demo's spike every 5 s: five more episodes within the next 30 s are held back.
        for (int k = 1; k <= 5; k++) {
            assertThat(limit.allow(t0 + k * 5 * S, 1)).as("episode at +" + 5 * k + " s").isFalse();
        }
        assertThat(limit.allow(t0 + 29 * S, 2)).isFalse();
        assertThat(limit.allow(t0 + 30 * S, 1)).as("30 s after the last notification").isTrue();
        assertThat(limit.takeHeld()).isEqualTo(7);
        assertThat(limit.takeHeld()).isZero();
        assertThat(limit.allow(t0 + 31 * S, 1)).isFalse();
    }
}
