package dev.vitals.model.internal;

import dev.vitals.model.EventTypeInfo;
import dev.vitals.model.IntervalTable;

import java.util.Arrays;

/** The writer's side of the {@link IntervalTable}: committed columns plus the pending batch. */
final class IntervalColumns {
    private final LongColumn start = new LongColumn();
    private final LongColumn duration = new LongColumn();
    private final IntColumn thread = new IntColumn();
    private final IntColumn stack = new IntColumn();
    private final IntColumn type = new IntColumn();
    private final ObjectColumn<Object[]> fields = new ObjectColumn<>();
    private final IntColumn segmentStart = new IntColumn();
    private long[] batchStart = new long[256];
    private long[] batchDuration = new long[256];
    private int[] batchThread = new int[256];
    private int[] batchStack = new int[256];
    private int[] batchType = new int[256];
    private Object[][] batchFields = new Object[256][];
    private int batchLength;
    private long maxDuration;
    /** Per type index: the committed intervals of that type that last (duration above 0). */
    private long[] lasting = new long[16];

    void add(long startNanos, long durationNanos, int threadIndex, int stackIndex, int typeIndex, Object[] values) {
        if (batchLength == batchStart.length) {
            int n = batchLength * 2;
            batchStart = Arrays.copyOf(batchStart, n);
            batchDuration = Arrays.copyOf(batchDuration, n);
            batchThread = Arrays.copyOf(batchThread, n);
            batchStack = Arrays.copyOf(batchStack, n);
            batchType = Arrays.copyOf(batchType, n);
            batchFields = Arrays.copyOf(batchFields, n);
        }
        batchStart[batchLength] = startNanos;
        batchDuration[batchLength] = durationNanos;
        batchThread[batchLength] = threadIndex;
        batchStack[batchLength] = stackIndex;
        batchType[batchLength] = typeIndex;
        batchFields[batchLength] = values;
        batchLength++;
    }

    void commit() {
        if (batchLength == 0) {
            return;
        }
        segmentStart.add(start.length());
        for (int i : TimeOrder.order(batchStart, batchLength)) {
            start.add(batchStart[i]);
            duration.add(batchDuration[i]);
            maxDuration = Math.max(maxDuration, batchDuration[i]);
            if (batchDuration[i] > 0) {
                countLasting(batchType[i], 1);
            }
            thread.add(batchThread[i]);
            stack.add(batchStack[i]);
            type.add(batchType[i]);
            fields.add(batchFields[i]);
        }
        discard();
    }

    /** Appends another store's committed rows as one segment, as {@link SampleColumns#append} does. */
    void append(IntervalColumns chunk, int[] threadMap, int[] stackMap, int[] typeMap) {
        int n = chunk.start.length();
        if (n == 0) {
            return;
        }
        segmentStart.add(start.length());
        for (int i = 0; i < n; i++) {
            start.add(chunk.start.get(i));
            duration.add(chunk.duration.get(i));
            thread.add(ProfileStore.mapped(threadMap, chunk.thread.get(i)));
            stack.add(ProfileStore.mapped(stackMap, chunk.stack.get(i)));
            type.add(typeMap[chunk.type.get(i)]);
            fields.add(chunk.fields.get(i));
        }
        maxDuration = Math.max(maxDuration, chunk.maxDuration);
        for (int t = 0; t < chunk.lasting.length; t++) {
            if (chunk.lasting[t] > 0) {
                countLasting(typeMap[t], chunk.lasting[t]);
            }
        }
    }

    private void countLasting(int typeIndex, long n) {
        if (typeIndex >= lasting.length) {
            lasting = Arrays.copyOf(lasting, Math.max(typeIndex + 1, lasting.length * 2));
        }
        lasting[typeIndex] += n;
    }

    void discard() {
        Arrays.fill(batchFields, 0, batchLength, null);
        batchLength = 0;
    }

    IntervalTable view(ObjectColumn<EventTypeInfo> types) {
        return new IntervalTable(start.view(), duration.view(), thread.view(), stack.view(), type.view(),
                fields.view(), types.view(), segmentStart.view(), maxDuration, Arrays.copyOf(lasting, types.length()));
    }
}
