package dev.vitals.model.internal;

import dev.vitals.model.Series;

import java.util.Arrays;

/** The writer's side of one {@link Series}. */
final class SeriesColumns {
    final String name;
    final String unit;
    private final LongColumn time = new LongColumn();
    private final LongColumn valueBits = new LongColumn();
    private final IntColumn segmentStart = new IntColumn();
    private long[] batchTime = new long[16];
    private double[] batchValue = new double[16];
    private int batchLength;

    SeriesColumns(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    void add(long t, double value) {
        if (batchLength == batchTime.length) {
            batchTime = Arrays.copyOf(batchTime, batchLength * 2);
            batchValue = Arrays.copyOf(batchValue, batchLength * 2);
        }
        batchTime[batchLength] = t;
        batchValue[batchLength] = value;
        batchLength++;
    }

    void commit() {
        if (batchLength == 0) {
            return;
        }
        segmentStart.add(time.length());
        for (int i : TimeOrder.order(batchTime, batchLength)) {
            time.add(batchTime[i]);
            valueBits.add(Double.doubleToRawLongBits(batchValue[i]));
        }
        batchLength = 0;
    }

    /** Appends another store's committed values of this series as one segment. */
    void append(SeriesColumns chunk) {
        int n = chunk.time.length();
        if (n == 0) {
            return;
        }
        segmentStart.add(time.length());
        for (int i = 0; i < n; i++) {
            time.add(chunk.time.get(i));
            valueBits.add(chunk.valueBits.get(i));
        }
    }

    void discard() {
        batchLength = 0;
    }

    Series view() {
        return new Series(name, unit, time.view(), valueBits.view(), segmentStart.view());
    }
}
