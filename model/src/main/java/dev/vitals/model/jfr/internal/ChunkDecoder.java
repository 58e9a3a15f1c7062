package dev.vitals.model.jfr.internal;

import dev.vitals.model.FrameType;
import dev.vitals.model.internal.LongIntMap;
import dev.vitals.model.internal.ProfileStore;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Decodes one chunk straight into a {@link ProfileStore}: walks its records once to find the
 * metadata and every checkpoint, indexes the constant pools, then reads the events in file order.
 * Each event type gets a plan once: the fields the model keeps are decoded, the rest skipped, and
 * an event whose type keeps nothing is skipped by its size. Threads, stack traces, methods and
 * frame types are interned into the model's tables the first time the chunk refers to them (ids
 * are chunk-local), without building objects per event.
 *
 * <p>An event that does not decode is skipped and counted per type; a record whose size runs past
 * the available bytes ends the chunk there (a truncated chunk keeps what precedes it).
 */
public final class ChunkDecoder {
    private static final int CHECK_EVERY = 4096;

    private final ChunkInput in;
    private final ProfileStore store;
    private final ChunkHeader header;
    private final Map<Long, Plan> plans = new HashMap<>();
    /** Pool id to model row + 1 (0: none), so that "no thread" and "no stack" are cached too. */
    private final LongIntMap threads = new LongIntMap(256);
    private final LongIntMap stacks = new LongIntMap(4096);
    private final LongIntMap methods = new LongIntMap(4096);
    /** Packed method id, line and frame-type id to the model's frame (see {@link #frame}). */
    private final LongIntMap frames = new LongIntMap(16384);
    private final LongIntMap frameTypes = new LongIntMap(16);
    private final List<String> warnings = new ArrayList<>();
    private final ConstantPools pools = new ConstantPools();
    private final List<String> eventTypes = new ArrayList<>();
    private int decodedEnd = ChunkHeader.SIZE;
    private Metadata metadata;
    private Values values;
    private String jvmVersion;
    private String jvmName;
    private long[] frameMethods = new long[64];
    private int[] frameLines = new int[64];
    private long[] frameTypeIds = new long[64];
    private JfrType frameLayoutOf;
    private FrameField[] frameLayout;
    /** Frame types by pool id for the usual small ids (JDK chunks number them from 0). */
    private final FrameType[] smallFrameTypes = new FrameType[16];
    /** The last new stack of each thread (by model row + 1; slot 0 for events without a thread). */
    private StackPrefix[] prefixes = new StackPrefix[64];

    private ChunkDecoder(ByteBuffer chunk, int available, ChunkHeader header, ProfileStore store) {
        this.in = new ChunkInput(chunk, available, header.compressed());
        this.header = header;
        this.store = store;
    }

    /**
     * What a chunk gave, or what one more part of a growing chunk gave (then the records, warnings
     * and JVM are those of the part; the event types are all the chunk's so far).
     *
     * @param eventTypes  the names of the chunk's event types
     * @param metadata    metadata records read
     * @param checkpoints checkpoint records read
     * @param decodedEnd  the offset after the last whole record (the chunk's size when it is whole)
     * @param warnings    events skipped, per type, and damaged checkpoints
     * @param jvmVersion  from {@code jdk.JVMInformation}, or {@code null}
     * @param jvmName     from {@code jdk.JVMInformation}, or {@code null}
     */
    public record Result(List<String> eventTypes, long metadata, long checkpoints, long decodedEnd,
                         List<String> warnings, String jvmVersion, String jvmName) {
    }

    /**
     * Decodes a chunk.
     *
     * @param chunk     the chunk's bytes from offset 0 (its header)
     * @param available how many bytes of it there are (less than the header's size when truncated)
     * @param progress  told the offset reached, now and then
     * @throws CorruptDataException when no metadata can be read, so nothing of the chunk can be
     */
    public static Result decode(ByteBuffer chunk, int available, ChunkHeader header, ProfileStore store,
                                BooleanSupplier cancelled, IntConsumer progress) {
        return new ChunkDecoder(chunk, available, header, store).advance(chunk, available, cancelled, progress);
    }

    /**
     * A decoder of a chunk that is still being written, read a flush at a time with
     * {@link #advance}: the header's size says how far its records are complete (JFR rewrites the
     * header after each flush), and each flush's checkpoint holds the constants its events use.
     */
    public static ChunkDecoder growing(ChunkHeader header, ProfileStore store) {
        return new ChunkDecoder(ByteBuffer.allocate(0), 0, header, store);
    }

    /** The offset after the last whole record decoded so far. */
    public long decodedEnd() {
        return decodedEnd;
    }

    /**
     * Decodes the records after the last call's up to {@code available}: the metadata, if one
     * came, then the new checkpoints, then the new events. Each record is read once.
     *
     * @param chunk the chunk's bytes from offset 0, at least {@code available} of them
     * @throws CorruptDataException when there is still no metadata, so nothing of the chunk can be read
     */
    public Result advance(ByteBuffer chunk, int available, BooleanSupplier cancelled, IntConsumer progress) {
        in.extend(chunk, available);
        warnings.clear();
        jvmVersion = null;
        jvmName = null;
        int from = decodedEnd;
        Records records = scan(from, available);
        decodedEnd = records.end();
        int metadataAt = records.metadataAt();
        List<Integer> checkpointsAt = records.checkpointsAt();
        if (metadataAt >= 0) {
            readMetadata(metadataAt);
        } else if (metadata == null) {
            throw new CorruptDataException("no metadata in the first " + decodedEnd + " bytes");
        }
        for (int at : checkpointsAt) {
            in.position(at);
            try {
                in.readLong();
                in.readLong();
                pools.readCheckpoint(in, metadata, values);
            } catch (RuntimeException e) {
                values.reset();
                warnings.add("a constant pool at offset " + at + " could not be read whole (" + e.getMessage()
                        + "); values it held are shown as missing");
            }
        }
        readEvents(from, decodedEnd, cancelled, progress);
        for (Plan plan : plans.values()) {
            store.count(plan.type.name(), plan.count);
            if (plan.failures > 0) {
                warnings.add("skipped " + plan.failures + " " + plan.type.name() + " event"
                        + (plan.failures == 1 ? "" : "s") + " that could not be decoded (" + plan.firstFailure + ")");
            }
            plan.count = 0;
            plan.failures = 0;
        }
        return new Result(List.copyOf(eventTypes), records.metadataCount(), checkpointsAt.size(), decodedEnd,
                List.copyOf(warnings), jvmVersion, jvmName);
    }

    /**
     * Where the whole records from {@code from} end, and where the last metadata and every checkpoint are.
     *
     * @param metadataAt the last metadata record's offset, -1 when none came
     */
    private record Records(int end, int metadataAt, long metadataCount, List<Integer> checkpointsAt) {
    }

    /** Walks the records from {@code from} by their sizes, up to the last whole one. */
    private Records scan(int from, int available) {
        int metadataAt = -1;
        long metadataCount = 0;
        List<Integer> checkpointsAt = new ArrayList<>();
        int position = from;
        while (position < available) {
            in.position(position);
            long size;
            long type;
            try {
                size = in.readLong();
                type = in.readLong();
            } catch (CorruptDataException e) {
                break;
            }
            if (size <= 0 || position + size > available) {
                break;
            }
            if (type == 0) {
                metadataAt = position;
                metadataCount++;
            } else if (type == 1) {
                checkpointsAt.add(position);
            }
            position += (int) size;
        }
        return new Records(position, metadataAt, metadataCount, checkpointsAt);
    }

    /** Reads the chunk's metadata; a later one (a flush that added event types) replaces it, with the same ids. */
    private void readMetadata(int at) {
        in.position(at);
        metadata = Metadata.read(in);
        if (values == null) {
            values = new Values(in, pools, header.startNanos(), header.startTicks(), header.ticksPerSecond());
        }
        eventTypes.clear();
        for (JfrType type : metadata.types()) {
            if (type.kind() == JfrType.Kind.STRING) {
                values.stringType(type);
            }
            if (type.isEvent()) {
                eventTypes.add(type.name());
            }
        }
    }

    private void readEvents(int from, int end, BooleanSupplier cancelled, IntConsumer progress) {
        int position = from;
        int n = 0;
        while (position < end) {
            in.position(position);
            int size = (int) in.readLong();
            long typeId = in.readLong();
            if (typeId > 1) {
                Plan plan = plans.get(typeId);
                if (plan == null) {
                    plan = plan(typeId);
                }
                if (plan != null) {
                    plan.count++;
                    if (plan.last >= 0) {
                        try {
                            event(plan, position + size);
                        } catch (RuntimeException | StackOverflowError e) {
                            values.reset();
                            if (plan.failures++ == 0) {
                                plan.firstFailure = "at offset " + position + ": " + e.getMessage();
                            }
                        }
                    }
                }
            }
            position += size;
            if (++n % CHECK_EVERY == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("import cancelled");
                }
                progress.accept(position);
            }
        }
    }

    private Plan plan(long typeId) {
        JfrType type = metadata.type(typeId);
        if (type == null) {
            return null;
        }
        List<String> names = type.fields().stream().map(JfrField::name).toList();
        Plan plan = new Plan(type, EventHandler.of(type.name(), type.label(), names, store));
        plans.put(typeId, plan);
        return plan;
    }

    private void event(Plan plan, int eventEnd) {
        List<JfrField> fields = plan.type.fields();
        long startTicks = header.startTicks();
        long durationTicks = 0;
        JfrField startField = null;
        JfrField durationField = null;
        int thread = -1;
        int stack = -1;
        long weight = 1;
        Object[] kept = plan.values;
        for (int i = 0; i <= plan.last; i++) {
            JfrField field = fields.get(i);
            switch (plan.actions[i]) {
                case SKIP -> values.skipField(field);
                case START -> {
                    startField = field;
                    startTicks = values.readRaw(field);
                }
                case DURATION -> {
                    durationField = field;
                    durationTicks = values.readRaw(field);
                }
                case THREAD -> thread = thread(field, values.readLong(field));
                case STACK -> stack = stack(field, values.readLong(field), thread);
                case WEIGHT -> weight = values.readLong(field);
                case VALUE -> kept[plan.slots[i]] = values.readField(field);
            }
        }
        if (in.position() > eventEnd) {
            throw new CorruptDataException("its fields run past its size");
        }
        // as the JDK does: the end is converted like the start, and the duration is their difference
        long start = startField == null ? header.startNanos()
                : startField.ticks() == JfrField.Ticks.TIMESTAMP ? values.timestamp(startTicks) : startTicks;
        long duration = durationField == null ? 0
                : durationField.ticks() != JfrField.Ticks.TIMESPAN ? durationTicks
                : startField != null && startField.ticks() == JfrField.Ticks.TIMESTAMP
                ? values.timestamp(startTicks + durationTicks) - start : values.timespan(durationTicks);
        EventHandler handler = plan.handler;
        switch (handler.role()) {
            case SAMPLE -> store.addSample(handler.name(), handler.kind(), start, thread, stack, weight);
            case SERIES -> addSeries(plan, start);
            case INTERVAL -> {
                Object[] fieldValues = new Object[kept.length];
                for (int i = 0; i < kept.length; i++) {
                    fieldValues[i] = Struct.simplify(kept[i]);
                }
                store.addInterval(start, Math.max(0, duration), thread, stack, handler.typeIndex(), fieldValues);
            }
            case INFO -> {
                jvmVersion = (String) Struct.simplify(kept[0]);
                jvmName = (String) Struct.simplify(kept[1]);
            }
            case COUNT_ONLY -> {
                // nothing read
            }
        }
    }

    private void addSeries(Plan plan, long start) {
        EventHandler handler = plan.handler;
        for (SeriesSpec spec : handler.series()) {
            if (spec.when() != null && !spec.when().equals(plan.value("when"))) {
                continue;
            }
            String[] path = spec.field().split("\\.");
            Object value = plan.value(path[0]);
            for (int i = 1; i < path.length && value instanceof Struct s; i++) {
                value = s.get(path[i]);
            }
            if (value instanceof Number number) {
                store.addSeriesValue(handler.name() + "." + spec.name(), spec.unit(), start, number.doubleValue());
            }
        }
    }

    private int thread(JfrField field, long id) {
        if (!field.constantPool()) {
            return -1;
        }
        int cached = threads.get(id);
        if (cached >= 0) {
            return cached - 1;
        }
        int index = -1;
        if (values.resolve(field.type(), id) instanceof Struct t) {
            index = store.thread(ModelNames.thread(text(t.get("javaName")), text(t.get("osName")),
                    number(t.get("javaThreadId")), number(t.get("osThreadId")), Boolean.TRUE.equals(t.get("virtual"))));
        }
        threads.put(id, index + 1);
        return index;
    }

    private int stack(JfrField field, long id, int thread) {
        if (!field.constantPool()) {
            return -1;
        }
        int cached = stacks.get(id);
        if (cached >= 0) {
            return cached - 1;
        }
        JfrType stackType = field.type();
        int back = values.seekConstant(stackType, id);
        if (back < 0) {
            stacks.put(id, 0);
            return -1;
        }
        boolean truncated = false;
        int depth = 0;
        JfrField framesField = null;
        try {
            for (JfrField f : stackType.fields()) {
                if (f.name().equals("truncated") && !f.array()) {
                    truncated = values.readLong(f) != 0;
                } else if (f.name().equals("frames") && f.array() && !f.constantPool()) {
                    framesField = f;
                    depth = readFrames(f.type());
                } else {
                    values.skipField(f);
                }
            }
        } finally {
            in.position(back);
        }
        int stack = framesField == null ? -1 : internFrames(framesField.type(), depth, truncated, thread);
        stacks.put(id, stack + 1);
        return stack;
    }

    /**
     * Interns the frames read by {@link #readFrames} as stack rows, root first. The frames a
     * thread's previous new stack began with (the same method, line and type ids, root first) have
     * the rows they got then, so only the rest are looked up: consecutive stacks of a thread
     * mostly share a long prefix.
     */
    private int internFrames(JfrType frameType, int depth, boolean truncated, int thread) {
        int methodIndex = frameType.fieldIndex("method");
        int typeIndex = frameType.fieldIndex("type");
        JfrType methodType = methodIndex < 0 ? null : frameType.fields().get(methodIndex).type();
        JfrType typeType = typeIndex < 0 ? null : frameType.fields().get(typeIndex).type();
        StackPrefix prefix = prefix(thread);
        int shared = prefix.shared(frameMethods, frameLines, frameTypeIds, depth, truncated);
        int stack = shared == 0 ? -1 : prefix.row(shared - 1);
        prefix.keep(shared, truncated);
        for (int i = depth - 1 - shared; i >= 0; i--) {
            stack = store.stack(stack, frame(methodType, typeType, frameMethods[i], frameLines[i], frameTypeIds[i]),
                    truncated);
            prefix.set(depth - 1 - i, frameMethods[i], frameLines[i], frameTypeIds[i], stack);
        }
        return stack;
    }

    /**
     * The model's frame of a frame's method and type pool ids and line: one lookup by the three
     * packed into a key (method ids under 2^36, lines under 2^23, type ids under 16: all of the
     * JDK's and async-profiler's), else the method's and then the frame's.
     */
    private int frame(JfrType methodType, JfrType typeType, long methodId, int line, long typeId) {
        boolean packs = methodId >= 0 && methodId < 1L << 36 && line >= -1 && line < (1 << 23) - 1
                && typeId >= 0 && typeId < 16;
        long key = packs ? methodId << 27 | (long) (line + 1) << 4 | typeId : 0;
        if (packs) {
            int known = frames.get(key);
            if (known >= 0) {
                return known;
            }
        }
        FrameType type = frameType(typeType, typeId);
        int frame = store.frame(method(methodType, methodId, type), line, type);
        if (packs) {
            frames.put(key, frame);
        }
        return frame;
    }

    private StackPrefix prefix(int thread) {
        int slot = thread + 1;
        if (slot >= prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, Math.max(slot + 1, prefixes.length * 2));
        }
        if (prefixes[slot] == null) {
            prefixes[slot] = new StackPrefix();
        }
        return prefixes[slot];
    }

    /** Reads a stack trace's frames into the frame arrays (method and type ids, lines); returns their number. */
    private int readFrames(JfrType frameType) {
        int n = in.readLength();
        if (n > frameMethods.length) {
            frameMethods = new long[n];
            frameLines = new int[n];
            frameTypeIds = new long[n];
        }
        if (frameType != frameLayoutOf) {
            frameLayout = FrameField.layout(frameType, in.compressed());
            frameLayoutOf = frameType;
        }
        List<JfrField> fields = frameType.fields();
        for (int i = 0; i < n; i++) {
            frameMethods[i] = Long.MIN_VALUE;
            frameLines[i] = -1;
            frameTypeIds[i] = Long.MIN_VALUE;
            for (int f = 0; f < frameLayout.length; f++) {
                switch (frameLayout[f]) {
                    case METHOD -> frameMethods[i] = in.readLong();
                    case LINE -> frameLines[i] = (int) values.readLong(fields.get(f));
                    case LINE_INTEGER -> frameLines[i] = (int) in.readLong();
                    case TYPE -> frameTypeIds[i] = in.readLong();
                    case SKIP -> values.skipField(fields.get(f));
                    case SKIP_INTEGER -> in.skipCompressed(1);
                }
            }
        }
        return n;
    }

    private FrameType frameType(JfrType type, long id) {
        if (type == null || id == Long.MIN_VALUE) {
            return FrameType.UNKNOWN;
        }
        if (id >= 0 && id < smallFrameTypes.length && smallFrameTypes[(int) id] != null) {
            return smallFrameTypes[(int) id];
        }
        int cached = frameTypes.get(id);
        if (cached >= 0) {
            return FrameType.ofOrdinal(cached);
        }
        FrameType frameType = FrameType.fromJfr(text(values.resolve(type, id)));
        frameTypes.put(id, frameType.ordinal());
        if (id >= 0 && id < smallFrameTypes.length) {
            smallFrameTypes[(int) id] = frameType;
        }
        return frameType;
    }

    private int method(JfrType type, long id, FrameType frameType) {
        if (type != null && id != Long.MIN_VALUE) {
            int cached = methods.get(id);
            if (cached >= 0) {
                return cached;
            }
        }
        Object value = type == null || id == Long.MIN_VALUE ? null : values.resolve(type, id);
        int index;
        if (value instanceof Struct m) {
            index = store.method(ModelNames.method(text(m.get("type")), text(m.get("name")),
                    text(m.get("descriptor")), (int) number(m.get("modifiers")), Boolean.TRUE.equals(m.get("hidden")),
                    frameType));
        } else {
            index = store.method(ModelNames.method(null, null, null, 0, false, frameType));
        }
        if (type != null && id != Long.MIN_VALUE) {
            methods.put(id, index);
        }
        return index;
    }

    /** A string value, a class's name, or {@code null}. */
    private static String text(Object value) {
        return switch (value) {
            case String s -> s;
            case Struct s when s.type().name().endsWith(".Class") -> text(s.get("name"));
            case null, default -> null;
        };
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /**
     * What the reader takes from each field of a stack frame: method and type ids when they are
     * single references; in a compressed chunk, a line or a skipped field that is one compressed
     * integer (a reference, or a char, short, int or long not in ticks) is read or skipped as such.
     */
    private enum FrameField {
        METHOD, LINE, LINE_INTEGER, TYPE, SKIP, SKIP_INTEGER;

        static FrameField[] layout(JfrType frameType, boolean compressed) {
            List<JfrField> fields = frameType.fields();
            FrameField[] layout = new FrameField[fields.size()];
            for (int i = 0; i < layout.length; i++) {
                JfrField f = fields.get(i);
                boolean reference = f.constantPool() && !f.array();
                boolean integer = compressed && !f.array() && (f.constantPool() || f.ticks() == JfrField.Ticks.NONE
                        && switch (f.type().kind()) {
                            case CHAR, SHORT, INT, LONG -> true;
                            default -> false;
                        });
                layout[i] = switch (f.name()) {
                    case "method" -> reference ? METHOD : integer ? SKIP_INTEGER : SKIP;
                    case "lineNumber" -> integer && !f.constantPool() ? LINE_INTEGER : LINE;
                    case "type" -> reference ? TYPE : integer ? SKIP_INTEGER : SKIP;
                    default -> integer ? SKIP_INTEGER : SKIP;
                };
            }
            return layout;
        }
    }

    /** What the reader does with each field of an event type. */
    private enum Action { SKIP, START, DURATION, THREAD, STACK, WEIGHT, VALUE }

    /** How one event type of the chunk is read, and its counts. */
    private static final class Plan {
        final JfrType type;
        final EventHandler handler;
        final Action[] actions;
        final int[] slots;
        final Object[] values;
        final List<String> valueNames = new ArrayList<>();
        final int last;
        long count;
        long failures;
        String firstFailure;

        Plan(JfrType type, EventHandler handler) {
            this.type = type;
            this.handler = handler;
            List<JfrField> fields = type.fields();
            actions = new Action[fields.size()];
            slots = new int[fields.size()];
            List<String> wanted = switch (handler.role()) {
                case INTERVAL -> handler.keptFields();
                case SERIES -> handler.series().stream().map(s -> s.field().split("\\.")[0]).distinct().toList();
                case INFO -> List.of("jvmVersion", "jvmName");
                case SAMPLE, COUNT_ONLY -> List.of();
            };
            valueNames.addAll(wanted);
            if (handler.role() == EventHandler.Role.SERIES) {
                valueNames.add("when");
            }
            int lastNeeded = -1;
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).name();
                Action action = action(handler, name);
                if (action == Action.SKIP && valueNames.contains(name)) {
                    action = Action.VALUE;
                    slots[i] = valueNames.indexOf(name);
                }
                actions[i] = action;
                if (action != Action.SKIP) {
                    lastNeeded = i;
                }
            }
            last = handler.role() == EventHandler.Role.COUNT_ONLY ? -1 : lastNeeded;
            values = new Object[valueNames.size()];
        }

        private static Action action(EventHandler handler, String field) {
            return switch (handler.role()) {
                case SAMPLE -> field.equals("startTime") ? Action.START
                        : field.equals(handler.threadField()) ? Action.THREAD
                        : field.equals("stackTrace") ? Action.STACK
                        : field.equals(handler.weightField()) ? Action.WEIGHT : Action.SKIP;
                case INTERVAL -> switch (field) {
                    case "startTime" -> Action.START;
                    case "duration" -> Action.DURATION;
                    case "eventThread" -> Action.THREAD;
                    case "stackTrace" -> Action.STACK;
                    default -> Action.SKIP;
                };
                case SERIES -> field.equals("startTime") ? Action.START : Action.SKIP;
                case INFO, COUNT_ONLY -> Action.SKIP;
            };
        }

        Object value(String name) {
            int i = valueNames.indexOf(name);
            return i < 0 ? null : values[i];
        }
    }
}
