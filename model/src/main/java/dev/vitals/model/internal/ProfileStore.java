package dev.vitals.model.internal;

import dev.vitals.model.EventTypeInfo;
import dev.vitals.model.FrameTable;
import dev.vitals.model.FrameType;
import dev.vitals.model.MethodInfo;
import dev.vitals.model.MethodTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import dev.vitals.model.Series;
import dev.vitals.model.StackTable;
import dev.vitals.model.ThreadInfo;
import dev.vitals.model.ThreadTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The writer's side of a profile model: interning tables (methods, frames, stacks, threads) that
 * grow immediately, and per-table batches of samples, intervals and series values that become
 * visible only on {@link #commit()}, sorted by time as one new segment. {@link #discard()} drops
 * the pending batch (a chunk that failed half-way). Single writer; readers use {@link #snapshot}.
 */
public final class ProfileStore {
    private final ObjectColumn<MethodInfo> methods = new ObjectColumn<>();
    private final Map<MethodInfo, Integer> methodIds = new HashMap<>();
    private final IntColumn frameMethod = new IntColumn();
    private final IntColumn frameLine = new IntColumn();
    private final IntColumn frameType = new IntColumn();
    private final LongIntMap frameIds = new LongIntMap(4096);
    private final IntColumn stackParent = new IntColumn();
    private final IntColumn stackFrame = new IntColumn();
    private final IntColumn stackDepth = new IntColumn();
    private final IntColumn stackTruncated = new IntColumn();
    /** Roots and the stack rows that are not their parent's first child, by (parent, frame). */
    private final LongIntMap stackIds = new LongIntMap(16384);
    /**
     * Per stack row, its first child row + 1 (0: none yet). A first child is found here and is
     * not in {@link #stackIds}, which holds the roots and the other children: along the deep
     * chains of real stacks most rows are first children, so most lookups read two arrays near
     * rows made at the same time instead of a map of millions of rows that misses the cache, and
     * most new rows are not put in that map at all.
     */
    private int[] firstChild = new int[16384];
    private final ObjectColumn<ThreadInfo> threads = new ObjectColumn<>();
    private final LongIntMap threadIds = new LongIntMap(256);
    private final Map<String, SampleColumns> sampleTables = new LinkedHashMap<>();
    private final IntervalColumns intervals = new IntervalColumns();
    private final ObjectColumn<EventTypeInfo> types = new ObjectColumn<>();
    private final Map<String, Integer> typeIds = new HashMap<>();
    private final Map<String, SeriesColumns> series = new LinkedHashMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Long> batchCounts = new HashMap<>();

    /** Interns the {@link StackTable#TRUNCATED_FRAME} marker as method 0 and frame 0. */
    public ProfileStore() {
        method(new MethodInfo("", StackTable.TRUNCATED_NAME, "", 0, false, ""));
        frame(0, -1, FrameType.UNKNOWN);
    }

    /** The id of a method, interning it on first sight. */
    public int method(MethodInfo method) {
        Integer id = methodIds.get(method);
        if (id != null) {
            return id;
        }
        int created = methods.length();
        methods.add(method);
        methodIds.put(method, created);
        return created;
    }

    /** The id of a frame (method, line, type), interning it on first sight. */
    public int frame(int methodIndex, int line, FrameType type) {
        long key = ((long) methodIndex << 32) | ((long) (line & 0x0FFFFFFF) << 4) | type.ordinal();
        int id = frameIds.get(key);
        if (id >= 0) {
            return id;
        }
        id = frameMethod.length();
        frameMethod.add(methodIndex);
        frameLine.add(line);
        frameType.add(type.ordinal());
        frameIds.put(key, id);
        return id;
    }

    /**
     * The stack row (parent, frame), interning it on first sight. A root row of a truncated stack
     * is kept apart from complete stacks' rows, and its descendants inherit the flag.
     *
     * @param parentStack the caller's row, -1 for a root frame
     * @param truncated   used only for root rows: the stack was cut by the JVM
     */
    public int stack(int parentStack, int frameIndex, boolean truncated) {
        if (parentStack < 0) {
            long key = stackKey(parentStack, frameIndex, truncated);
            int found = stackIds.get(key);
            return found >= 0 ? found : addStack(parentStack, frameIndex, truncated, key);
        }
        int first = firstChild[parentStack] - 1;
        if (first < 0) {
            return addStack(parentStack, frameIndex, truncated, 0);
        }
        if (stackFrame.get(first) == frameIndex) {
            return first;
        }
        long key = stackKey(parentStack, frameIndex, truncated);
        int found = stackIds.get(key);
        return found >= 0 ? found : addStack(parentStack, frameIndex, truncated, key);
    }

    private static long stackKey(int parentStack, int frameIndex, boolean truncated) {
        int parentKey = parentStack >= 0 ? parentStack : truncated ? -2 : -1;
        return ((long) parentKey << 32) | (frameIndex & 0xFFFFFFFFL);
    }

    /** Adds a row: its parent's first child if it has none yet, else a row of the map, under {@code key}. */
    private int addStack(int parentStack, int frameIndex, boolean truncated, long key) {
        int id = stackParent.length();
        stackParent.add(parentStack);
        stackFrame.add(frameIndex);
        stackDepth.add(parentStack >= 0 ? stackDepth.get(parentStack) + 1 : 1);
        stackTruncated.add(parentStack >= 0 ? stackTruncated.get(parentStack) : truncated ? 1 : 0);
        if (id >= firstChild.length) {
            firstChild = Arrays.copyOf(firstChild, firstChild.length * 2);
        }
        if (parentStack >= 0 && firstChild[parentStack] == 0) {
            firstChild[parentStack] = id + 1;
        } else {
            stackIds.put(key, id);
        }
        return id;
    }

    /** The caller row of a stack row, -1 for a root frame. */
    public int stackParent(int stackIndex) {
        return stackParent.get(stackIndex);
    }

    /** Frames in the stack ending at a row. */
    public int stackDepth(int stackIndex) {
        return stackDepth.get(stackIndex);
    }

    /** The index of a thread, keyed by Java id (or OS id for threads without one). */
    public int thread(ThreadInfo info) {
        long key = info.javaId() > 0 ? info.javaId() : -1 - info.osId();
        int id = threadIds.get(key);
        if (id >= 0) {
            return id;
        }
        id = threads.length();
        threads.add(info);
        threadIds.put(key, id);
        return id;
    }

    /** The index of an interval event type, registering it with its kept field names on first sight. */
    public int eventType(String name, String label, List<String> fieldNames) {
        Integer id = typeIds.get(name);
        if (id != null) {
            return id;
        }
        int created = types.length();
        types.add(new EventTypeInfo(name, label, List.copyOf(fieldNames)));
        typeIds.put(name, created);
        return created;
    }

    /** Adds a sample to the pending batch. */
    public void addSample(String eventType, SampleKind kind, long timeNanos, int threadIndex, int stackIndex,
                          long weight) {
        sampleTables.computeIfAbsent(eventType, t -> new SampleColumns(t, kind))
                .add(timeNanos, threadIndex, stackIndex, weight);
    }

    /** Adds an interval to the pending batch. */
    public void addInterval(long startNanos, long durationNanos, int threadIndex, int stackIndex, int typeIndex,
                            Object[] fields) {
        intervals.add(startNanos, durationNanos, threadIndex, stackIndex, typeIndex, fields);
    }

    /** Adds a series value to the pending batch. */
    public void addSeriesValue(String name, String unit, long timeNanos, double value) {
        series.computeIfAbsent(name, n -> new SeriesColumns(n, unit)).add(timeNanos, value);
    }

    /** Counts one event (or record) of a type in the pending batch. */
    public void count(String eventType, long n) {
        batchCounts.merge(eventType, n, Long::sum);
    }

    /** Makes the pending batch part of the next snapshot. */
    public void commit() {
        sampleTables.values().forEach(SampleColumns::commit);
        intervals.commit();
        series.values().forEach(SeriesColumns::commit);
        batchCounts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        batchCounts.clear();
    }

    /**
     * Adds everything another store holds (a chunk decoded apart into a store of its own, then
     * committed there) to this store: its methods, frames, stack rows, threads and event types are
     * interned here in their order there; its samples, intervals and series values are appended to
     * the committed tables as one segment per table, their ids mapped (a snapshot taken afterwards
     * shows them: merge only whole, good chunks); its counts join the pending batch. The result is
     * the same as if the chunk had been decoded into this store and committed. The other store is
     * not changed.
     */
    public void merge(ProfileStore chunk) {
        // one loop a method: each is compiled on its own, small, instead of one large unit
        int[] methodMap = mergeMethods(chunk);
        int[] frameMap = mergeFrames(chunk, methodMap);
        int[] stackMap = mergeStacks(chunk, frameMap);
        int[] threadMap = new int[chunk.threads.length()];
        for (int i = 0; i < threadMap.length; i++) {
            threadMap[i] = thread(chunk.threads.get(i));
        }
        int[] typeMap = new int[chunk.types.length()];
        for (int i = 0; i < typeMap.length; i++) {
            EventTypeInfo type = chunk.types.get(i);
            typeMap[i] = eventType(type.name(), type.label(), type.fieldNames());
        }
        for (SampleColumns table : chunk.sampleTables.values()) {
            sampleTables.computeIfAbsent(table.eventType, t -> new SampleColumns(t, table.kind))
                    .append(table, threadMap, stackMap);
        }
        intervals.append(chunk.intervals, threadMap, stackMap, typeMap);
        for (SeriesColumns values : chunk.series.values()) {
            series.computeIfAbsent(values.name, n -> new SeriesColumns(n, values.unit)).append(values);
        }
        chunk.counts.forEach(this::count);
    }

    private int[] mergeMethods(ProfileStore chunk) {
        int[] methodMap = new int[chunk.methods.length()];
        for (int i = 0; i < methodMap.length; i++) {
            methodMap[i] = method(chunk.methods.get(i));
        }
        return methodMap;
    }

    private int[] mergeFrames(ProfileStore chunk, int[] methodMap) {
        int[] frameMap = new int[chunk.frameMethod.length()];
        for (int i = 0; i < frameMap.length; i++) {
            frameMap[i] = frame(methodMap[chunk.frameMethod.get(i)], chunk.frameLine.get(i),
                    FrameType.ofOrdinal(chunk.frameType.get(i)));
        }
        return frameMap;
    }

    private int[] mergeStacks(ProfileStore chunk, int[] frameMap) {
        int[] stackMap = new int[chunk.stackParent.length()];
        for (int i = 0; i < stackMap.length; i++) {
            int parent = chunk.stackParent.get(i);
            stackMap[i] = stack(parent >= 0 ? stackMap[parent] : -1, frameMap[chunk.stackFrame.get(i)],
                    chunk.stackTruncated.get(i) != 0);
        }
        return stackMap;
    }

    /** An id through a map, -1 (none) staying -1. */
    static int mapped(int[] map, int id) {
        return id < 0 ? -1 : map[id];
    }

    /** Drops the pending batch; interned methods, frames, stacks and threads stay (harmlessly). */
    public void discard() {
        sampleTables.values().forEach(SampleColumns::discard);
        intervals.discard();
        series.values().forEach(SeriesColumns::discard);
        batchCounts.clear();
    }

    /** Committed event counts by type, sorted by name. */
    public Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** Bytes held by the committed sample columns and the number of committed samples. */
    public long[] sampleBytesAndCount() {
        long bytes = 0;
        long count = 0;
        for (SampleColumns table : sampleTables.values()) {
            bytes += table.bytes();
            count += table.committedLength();
        }
        return new long[] {bytes, count};
    }

    /** A consistent view of everything committed, with the given info. */
    public ProfileSnapshot snapshot(RecordingInfo info) {
        List<SampleTable> samples = new ArrayList<>();
        for (SampleColumns table : sampleTables.values()) {
            if (table.committedLength() > 0) {
                samples.add(table.view());
            }
        }
        List<Series> seriesViews = new ArrayList<>();
        series.values().forEach(s -> seriesViews.add(s.view()));
        return new ProfileSnapshot(new MethodTable(methods.view()),
                new FrameTable(frameMethod.view(), frameLine.view(), frameType.view()),
                new StackTable(stackParent.view(), stackFrame.view(), stackDepth.view(), stackTruncated.view()),
                new ThreadTable(threads.view()), List.copyOf(samples), intervals.view(types),
                List.copyOf(seriesViews), info);
    }
}
