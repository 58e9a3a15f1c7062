package dev.vitals.bench;

import java.util.Arrays;
import java.util.Locale;

/** Durations of repeated frames (nanos), reported as median and p90 in milliseconds. */
final class FrameTimes {
    private long[] nanos = new long[16];
    private int count;

    void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    int count() {
        return count;
    }

    long sum() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return sum;
    }

    /** "median X ms, p90 Y ms (n = N)". */
    String summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %.2f ms, p90 %.2f ms (n = %d)", sorted[(count - 1) / 2] / 1e6,
                sorted[Math.min(count - 1, (int) Math.ceil(count * 0.9) - 1)] / 1e6, count);
    }
}
