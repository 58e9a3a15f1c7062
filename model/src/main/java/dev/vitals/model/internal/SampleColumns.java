package dev.vitals.model.internal;

import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;

import java.util.Arrays;

/** The writer's side of one {@link SampleTable}: committed columns plus the pending batch. */
final class SampleColumns {
    final String eventType;
    final SampleKind kind;
    private final LongColumn time = new LongColumn();
    private final IntColumn thread = new IntColumn();
    private final IntColumn stack = new IntColumn();
    private final LongColumn weight = new LongColumn();
    private final IntColumn segmentStart = new IntColumn();
    private long[] batchTime = new long[256];
    private int[] batchThread = new int[256];
    private int[] batchStack = new int[256];
    private long[] batchWeight = new long[256];
    private int batchLength;

    SampleColumns(String eventType, SampleKind kind) {
        this.eventType = eventType;
        this.kind = kind;
    }

    void add(long t, int threadIndex, int stackIndex, long w) {
        if (batchLength == batchTime.length) {
            int n = batchLength * 2;
            batchTime = Arrays.copyOf(batchTime, n);
            batchThread = Arrays.copyOf(batchThread, n);
            batchStack = Arrays.copyOf(batchStack, n);
            batchWeight = Arrays.copyOf(batchWeight, n);
        }
        batchTime[batchLength] = t;
        batchThread[batchLength] = threadIndex;
        batchStack[batchLength] = stackIndex;
        batchWeight[batchLength] = w;
        batchLength++;
    }

    void commit() {
        if (batchLength == 0) {
            return;
        }
        segmentStart.add(time.length());
        for (int i : TimeOrder.order(batchTime, batchLength)) {
            time.add(batchTime[i]);
            thread.add(batchThread[i]);
            stack.add(batchStack[i]);
            weight.add(batchWeight[i]);
        }
        batchLength = 0;
    }

    /**
     * Appends the committed rows of a table of another store (one chunk decoded apart, committed
     * once, so one sorted segment) as one segment, its thread and stack ids mapped into this store's.
     */
    void append(SampleColumns chunk, int[] threadMap, int[] stackMap) {
        int n = chunk.time.length();
        if (n == 0) {
            return;
        }
        segmentStart.add(time.length());
        for (int i = 0; i < n; i++) {
            time.add(chunk.time.get(i));
            thread.add(ProfileStore.mapped(threadMap, chunk.thread.get(i)));
            stack.add(ProfileStore.mapped(stackMap, chunk.stack.get(i)));
            weight.add(chunk.weight.get(i));
        }
    }

    void discard() {
        batchLength = 0;
    }

    int committedLength() {
        return time.length();
    }

    long bytes() {
        return time.bytes() + thread.bytes() + stack.bytes() + weight.bytes();
    }

    SampleTable view() {
        return new SampleTable(eventType, kind, time.view(), thread.view(), stack.view(), weight.view(),
                segmentStart.view());
    }
}
