package dev.vitals.model.query;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Series;
import dev.vitals.model.query.internal.SelectedEvents;

import java.util.Arrays;

/**
 * A series reduced to a pixel width (after chart-fx's DefaultDataReducer): per non-empty bin its
 * time (bin start), minimum, maximum and last value, so a line drawn through min/max shows every
 * spike at any zoom.
 *
 * @param time bin start times, epoch nanos, ascending
 * @param min  smallest value in the bin
 * @param max  largest value in the bin
 * @param last the latest value in the bin
 */
public record ReducedSeries(long[] time, double[] min, double[] max, double[] last) {
    /** Number of non-empty bins. */
    public int length() {
        return time.length;
    }

    /** The values of {@code series} in [from, to) reduced to {@code width} bins. */
    public static ReducedSeries reduce(Series series, long from, long to, int width) {
        double binNanos = (double) (to - from) / width;
        double[] min = new double[width];
        double[] max = new double[width];
        double[] last = new double[width];
        long[] lastTime = new long[width];
        boolean[] seen = new boolean[width];
        Arrays.fill(lastTime, Long.MIN_VALUE);
        series.segments().forEachRange(from, to, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                int x = (int) Math.min(width - 1, (series.time(i) - from) / binNanos);
                double v = series.value(i);
                if (!seen[x]) {
                    seen[x] = true;
                    min[x] = v;
                    max[x] = v;
                } else {
                    min[x] = Math.min(min[x], v);
                    max[x] = Math.max(max[x], v);
                }
                if (series.time(i) >= lastTime[x]) {
                    lastTime[x] = series.time(i);
                    last[x] = v;
                }
            }
        });
        int n = 0;
        for (boolean b : seen) {
            n += b ? 1 : 0;
        }
        long[] t = new long[n];
        double[] mn = new double[n];
        double[] mx = new double[n];
        double[] ls = new double[n];
        for (int x = 0, k = 0; x < width; x++) {
            if (seen[x]) {
                t[k] = from + (long) (x * binNanos);
                mn[k] = min[x];
                mx[k] = max[x];
                ls[k++] = last[x];
            }
        }
        return new ReducedSeries(t, mn, mx, ls);
    }

    /**
     * The rate of the selection's events in [from, to) per second, in {@code width} bins: the sum of
     * the selection's measure in each bin divided by the bin's length in seconds (with the weight of
     * allocation samples, bytes per second). Every bin is present; min, max and last are the rate.
     */
    public static ReducedSeries rate(ProfileSnapshot snapshot, Selection selection, long from, long to, int width) {
        double binNanos = (double) (to - from) / width;
        double[] sum = new double[width];
        SelectedEvents.forEachFiltered(snapshot, selection.withRange(from, to), (time, duration, thread, stack, v) ->
                sum[(int) Math.min(width - 1, (time - from) / binNanos)] += v);
        long[] t = new long[width];
        for (int x = 0; x < width; x++) {
            t[x] = from + (long) (x * binNanos);
            sum[x] /= binNanos / 1e9;
        }
        return new ReducedSeries(t, sum, sum.clone(), sum.clone());
    }
}
