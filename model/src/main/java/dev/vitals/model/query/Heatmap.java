package dev.vitals.model.query;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.internal.SelectedEvents;

import java.util.Arrays;

/**
 * A grid of values: {@code columns × rows}, column-major ({@link #value(int, int)}).
 *
 * <p>FlameScope layout ({@link #flameScope}): column = second since {@code fromNanos}, row =
 * sub-second slot (row 0 is the start of the second), value = the selection's measure (samples).
 * Latency layout ({@link #latency}): column = time bucket, row = log-scaled duration bucket (row 0
 * the shortest), value = number of interval events.
 *
 * @param fromNanos    start of column 0
 * @param columnNanos  width of a column
 * @param columns      number of columns
 * @param rows         number of rows
 * @param rowBounds    for the latency layout, the lower duration bound (nanos) of each row plus
 *                     the upper bound of the last ({@code rows + 1} values); for FlameScope the
 *                     slot starts within the second
 * @param values       column * rows + row
 * @param max          the largest value
 */
public record Heatmap(long fromNanos, long columnNanos, int columns, int rows, long[] rowBounds, long[] values,
                      long max) {
    /** The value of a cell. */
    public long value(int column, int row) {
        return values[column * rows + row];
    }

    /**
     * The duration below which a share {@code q} (0..1) of a latency column's events fall, read from
     * the row counts: the upper bound of the row where the running count reaches {@code q} of the
     * column's total; -1 for an empty column.
     */
    public long percentile(int column, double q) {
        long total = 0;
        for (int r = 0; r < rows; r++) {
            total += value(column, r);
        }
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int r = 0; r < rows; r++) {
            seen += value(column, r);
            if (seen >= rank) {
                return rowBounds[r + 1];
            }
        }
        return rowBounds[rows];
    }

    /**
     * The selection of exactly the events of a latency cell: the column's time bucket and the row's
     * duration bucket ({@code [rowBounds[row], rowBounds[row + 1])}, the first row open below and the
     * last open above, as {@link #latency} counts them).
     */
    public Selection latencyCell(Selection selection, int column, int row) {
        long from = fromNanos + column * columnNanos;
        return selection.withRange(from, from + columnNanos).withDurations(row == 0 ? 0 : rowBounds[row],
                row == rows - 1 ? Long.MAX_VALUE : rowBounds[row + 1]);
    }

    /**
     * The FlameScope heatmap of the selection (its range must be bounded) with {@code rowsPerSecond}
     * slots per second (for example 50: 20 ms each).
     */
    public static Heatmap flameScope(ProfileSnapshot snapshot, Selection selection, int rowsPerSecond) {
        long from = bounded(selection.fromNanos(), snapshot.info().startNanos());
        long to = selection.toNanos() == Long.MAX_VALUE ? snapshot.info().endNanos() : selection.toNanos();
        int columns = (int) Math.max(1, (to - from + 999_999_999L) / 1_000_000_000L);
        long slot = 1_000_000_000L / rowsPerSecond;
        long[] values = new long[columns * rowsPerSecond];
        SelectedEvents.forEachFiltered(snapshot, selection, (time, duration, thread, stack, value) -> {
            long offset = time - from;
            if (offset < 0) {
                return;
            }
            int column = (int) (offset / 1_000_000_000L);
            int row = (int) Math.min(rowsPerSecond - 1, (offset % 1_000_000_000L) / slot);
            if (column < columns) {
                values[column * rowsPerSecond + row] += value;
            }
        });
        long[] bounds = new long[rowsPerSecond + 1];
        for (int r = 0; r <= rowsPerSecond; r++) {
            bounds[r] = r * slot;
        }
        return new Heatmap(from, 1_000_000_000L, columns, rowsPerSecond, bounds, values, max(values));
    }

    /**
     * The latency heatmap of the selection's interval events: {@code columns} time buckets over the
     * selection's range, {@code rows} duration buckets spaced logarithmically from
     * {@code minNanos} to {@code maxNanos} (shorter durations go to row 0, longer to the last row).
     * An event is in row r when {@code rowBounds[r] <= duration < rowBounds[r + 1]}.
     */
    public static Heatmap latency(ProfileSnapshot snapshot, Selection selection, int columns, int rows, long minNanos,
                                  long maxNanos) {
        long from = bounded(selection.fromNanos(), snapshot.info().startNanos());
        long to = selection.toNanos() == Long.MAX_VALUE ? snapshot.info().endNanos() : selection.toNanos();
        long columnNanos = Math.max(1, (to - from + columns - 1) / columns);
        long[] bounds = new long[rows + 1];
        double logMin = Math.log(Math.max(1, minNanos));
        double step = (Math.log(Math.max(minNanos + 1, maxNanos)) - logMin) / rows;
        for (int r = 0; r <= rows; r++) {
            bounds[r] = Math.round(Math.exp(logMin + r * step));
        }
        long[] values = new long[columns * rows];
        SelectedEvents.forEachFiltered(snapshot, selection.withMeasure(Measure.COUNT), (time, duration, thread, stack, v) -> {
            long offset = time - from;
            if (offset < 0) {
                return;
            }
            int column = (int) (offset / columnNanos);
            int found = Arrays.binarySearch(bounds, duration);
            int row = Math.max(0, Math.min(rows - 1, found >= 0 ? found : -found - 2));
            if (column < columns) {
                values[column * rows + row]++;
            }
        });
        return new Heatmap(from, columnNanos, columns, rows, bounds, values, max(values));
    }

    /**
     * The latency heatmap with its duration axis fitted to the events present: whole decades from
     * the one holding the shortest event to the one holding the longest, at least two,
     * {@code rowsPerDecade} rows each (1 ms – 1 s with no events).
     */
    public static Heatmap latencyFitted(ProfileSnapshot snapshot, Selection selection, int columns, int rowsPerDecade) {
        long[] range = {Long.MAX_VALUE, 0};
        SelectedEvents.forEachFiltered(snapshot, selection.withMeasure(Measure.COUNT), (time, duration, thread, stack, v) -> {
            range[0] = Math.min(range[0], duration);
            range[1] = Math.max(range[1], duration);
        });
        if (range[0] > range[1]) {
            range[0] = 1_000_000L;
            range[1] = 999_999_999L;
        }
        long lowest = 1;
        while (lowest <= Long.MAX_VALUE / 10 && lowest * 10 <= range[0]) {
            lowest *= 10;
        }
        long highest = lowest * 10;
        int decades = 1;
        while ((highest <= range[1] || decades < 2) && highest <= Long.MAX_VALUE / 10) {
            highest *= 10;
            decades++;
        }
        return latency(snapshot, selection, columns, decades * rowsPerDecade, lowest, highest);
    }

    /**
     * The shortest duration of the top share {@code 1 - q} of a latency grid's events, at row
     * precision: the upper bound of the row where the running count, all columns together, reaches
     * {@code q} of the events; rows starting at or above it hold only events in that top share.
     * -1 for an empty grid.
     */
    public long durationQuantile(double q) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                seen += value(c, r);
            }
            if (seen >= rank) {
                return rowBounds[r + 1];
            }
        }
        return rowBounds[rows];
    }

    private static long bounded(long from, long recordingStart) {
        return from == Long.MIN_VALUE ? recordingStart : from;
    }

    private static long max(long[] values) {
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
