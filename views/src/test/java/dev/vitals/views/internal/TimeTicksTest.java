package dev.vitals.views.internal;

import dev.vitals.views.TimeRange;
import java.util.List;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** One time format on every axis, and tick labels that never overlap (measured in the axis font). */
@ExtendWith(ApplicationExtension.class)
class TimeTicksTest {
    private static final long ORIGIN = 5_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private static List<String> labels(long fromSinceOrigin, long toSinceOrigin, double width) {
        return TimeTicks.ticks(new TimeRange(ORIGIN + fromSinceOrigin, ORIGIN + toSinceOrigin), ORIGIN, width, Fonts.SMALL)
                .stream().map(TimeTicks.Tick::label).toList();
    }

    @Test
    void aThirteenMinuteRecordingIsLabelledAsAClockFromZero() {
        List<String> labels = labels(0, 13 * 60 * SECOND, 1200);
        assertThat(labels.getFirst()).isEqualTo("0:00");
        assertThat(labels).hasSizeGreaterThan(4).allMatch(l -> l.matches("\\d+:\\d\\d"), "m:ss");
        assertThat(labels).contains("1:40");
    }

    @Test
    void anAxisUnderAMinuteIsInSecondsFromZero() {
        List<String> labels = labels(0, 50 * SECOND, 1200);
        assertThat(labels.getFirst()).isEqualTo("0 s");
        assertThat(labels).allMatch(l -> l.matches("\\d+ s"), "whole seconds").contains("10 s");
    }

    @Test
    void aZoomedAxisAddsMillisecondsToTheClock() {
        List<String> labels = labels(100 * SECOND, 100 * SECOND + 500_000_000L, 1200);
        assertThat(labels).hasSizeGreaterThan(2).allMatch(l -> l.matches("1:40\\.\\d{3}"), "m:ss.mmm")
                .contains("1:40.250");
    }

    @Test
    void labelsNeverOverlapAndStayOnTheAxis() {
        Font font = Fonts.SMALL;
        long[][] ranges = {{0, 13 * 60 * SECOND}, {0, 50 * SECOND}, {100 * SECOND, 100 * SECOND + 500_000_000L},
                {7 * SECOND, 7 * SECOND + 3_000_000L}, {0, 2 * 3600 * SECOND}, {59 * SECOND, 61 * SECOND}};
        for (long[] r : ranges) {
            for (double width = 60; width <= 2000; width += 37) {
                List<TimeTicks.Tick> ticks = TimeTicks.ticks(new TimeRange(ORIGIN + r[0], ORIGIN + r[1]), ORIGIN, width, font);
                double previousRight = Double.NEGATIVE_INFINITY;
                for (TimeTicks.Tick t : ticks) {
                    double half = TimeTicks.width(t.label(), font) / 2;
                    assertThat(t.labelX() - half).as("left of %s at width %s", t.label(), width)
                            .isGreaterThanOrEqualTo(Math.min(0, width - 2 * half) - 1e-9)
                            .isGreaterThanOrEqualTo(previousRight + TimeTicks.LABEL_GAP - 1e-9);
                    previousRight = t.labelX() + half;
                }
            }
        }
    }

    @Test
    void durationsKeepTheirDigitsAndUseTheClockFromAMinute() {
        assertThat(TimeTicks.duration(143_390_000L)).isEqualTo("143.39 ms");
        assertThat(TimeTicks.duration(1_250_000_000L)).isEqualTo("1.25 s");
        assertThat(TimeTicks.duration(40_000L)).isEqualTo("40 µs");
        assertThat(TimeTicks.duration(100 * SECOND)).isEqualTo("1:40");
        assertThat(TimeTicks.duration(100 * SECOND + 250_000_000L)).isEqualTo("1:40.250");
        assertThat(TimeTicks.offset(5 * SECOND + 123_000_000L)).isEqualTo("0:05.123");
        assertThat(TimeTicks.offset(3723 * SECOND)).isEqualTo("1:02:03.000");
    }
}
