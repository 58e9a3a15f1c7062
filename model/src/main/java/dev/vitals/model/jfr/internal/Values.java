package dev.vitals.model.jfr.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes and skips values of any type a chunk's metadata describes, resolving constant-pool
 * references (each constant decoded once per chunk, then cached). Nested values and references are
 * followed at most {@link #MAX_DEPTH} deep, so a damaged chunk whose constants refer to each other
 * in a circle fails as corrupt instead of overflowing the stack.
 *
 * <p>Times in ticks become epoch nanos (timestamps) or nanos (spans) as the JDK converts them:
 * {@code startNanos + (long) ((ticks - startTicks) / (ticksPerSecond / 1e9))}.
 */
public final class Values implements ChunkInput.StringPool {
    private static final int MAX_DEPTH = 32;

    private final ChunkInput in;
    private final ConstantPools pools;
    private final long startNanos;
    private final long startTicks;
    private final double ticksPerNano;
    private final Map<JfrType, Map<Long, Object>> resolved = new HashMap<>();
    private JfrType stringType;
    private int depth;

    /** A reader of values in {@code in}, with the chunk's pools and clock. */
    public Values(ChunkInput in, ConstantPools pools, long startNanos, long startTicks, long ticksPerSecond) {
        this.in = in;
        this.pools = pools;
        this.startNanos = startNanos;
        this.startTicks = startTicks;
        this.ticksPerNano = ticksPerSecond / 1_000_000_000.0;
    }

    /** Tells which type is {@code java.lang.String}, for string constant-pool references. */
    void stringType(JfrType type) {
        stringType = type;
    }

    /** Epoch nanos of a tick count. */
    public long timestamp(long ticks) {
        return startNanos + (long) ((ticks - startTicks) / ticksPerNano);
    }

    /** Nanos of a tick span. */
    public long timespan(long ticks) {
        return (long) (ticks / ticksPerNano);
    }

    @Override
    public String string(long id) {
        if (stringType == null) {
            return null;
        }
        Object value = resolve(stringType, id);
        return value instanceof String s ? s : null;
    }

    /** Skips one field's value. */
    public void skipField(JfrField field) {
        if (field.array()) {
            int n = in.readLength();
            int integers = field.constantPool() || !in.compressed() ? -1 : field.type().integerFields();
            if (integers > 0) {
                in.skipCompressed((long) n * integers);
                return;
            }
            for (int i = 0; i < n; i++) {
                skipOne(field);
            }
        } else {
            skipOne(field);
        }
    }

    private void skipOne(JfrField field) {
        if (field.constantPool()) {
            in.readLong();
        } else {
            skipValue(field.type());
        }
    }

    /** Skips a value encoded as its type (not a reference). */
    public void skipValue(JfrType type) {
        switch (type.kind()) {
            case BOOLEAN, BYTE -> in.readByte();
            case CHAR, SHORT, INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> in.skipString();
            case STRUCT -> {
                int integers = in.compressed() ? type.integerFields() : -1;
                if (integers > 0) {
                    in.skipCompressed(integers);
                    return;
                }
                enter();
                for (JfrField field : type.fields()) {
                    skipField(field);
                }
                depth--;
            }
        }
    }

    /**
     * Reads an integer field (a reference gives its pool id): the value as a long, ticks converted
     * to nanos; a float or double truncated; anything else read and given as 0.
     */
    public long readLong(JfrField field) {
        long value = readRaw(field);
        return switch (field.ticks()) {
            case NONE -> value;
            case TIMESTAMP -> timestamp(value);
            case TIMESPAN -> timespan(value);
        };
    }

    /** Reads an integer field as {@link #readLong} does, without converting ticks. */
    public long readRaw(JfrField field) {
        if (field.array()) {
            skipField(field);
            return 0;
        }
        if (field.constantPool()) {
            return in.readLong();
        }
        return switch (field.type().kind()) {
            case BOOLEAN, BYTE -> in.readByte();
            case CHAR, SHORT, INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> (long) in.readFloat();
            case DOUBLE -> (long) in.readDouble();
            case STRING, STRUCT -> {
                skipValue(field.type());
                yield 0;
            }
        };
    }

    /**
     * Reads one field's value: {@code Long} (ticks converted to nanos), {@code Double},
     * {@code Boolean}, {@code String}, {@code Object[]} for an array, a {@link Struct}, or
     * {@code null} (a missing constant, a null string). A composite with one field stands for that
     * field's value (as the JDK gives {@code jdk.types.GCWhen} or a {@code Symbol} as a string).
     */
    public Object readField(JfrField field) {
        if (field.array()) {
            int n = in.readLength();
            Object[] elements = new Object[n];
            for (int i = 0; i < n; i++) {
                elements[i] = readOne(field);
            }
            return elements;
        }
        return readOne(field);
    }

    private Object readOne(JfrField field) {
        if (field.constantPool()) {
            return resolve(field.type(), in.readLong());
        }
        JfrType type = field.type();
        return switch (type.kind()) {
            case BOOLEAN -> in.readByte() != 0;
            case BYTE -> (long) in.readByte();
            case CHAR -> String.valueOf((char) in.readInt());
            case SHORT, INT -> (long) in.readInt();
            case LONG -> switch (field.ticks()) {
                case NONE -> in.readLong();
                case TIMESTAMP -> timestamp(in.readLong());
                case TIMESPAN -> timespan(in.readLong());
            };
            case FLOAT -> (double) in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> in.readString(this);
            case STRUCT -> readStruct(type);
        };
    }

    /** Reads a value encoded as its (composite) type. */
    public Object readStruct(JfrType type) {
        enter();
        Object[] values = new Object[type.fields().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readField(type.fields().get(i));
        }
        depth--;
        return values.length == 1 ? values[0] : new Struct(type, values);
    }

    /** The constant of a type with a pool id, decoded once; {@code null} when the chunk lacks it. */
    public Object resolve(JfrType type, long id) {
        Map<Long, Object> cache = resolved.computeIfAbsent(type, t -> new HashMap<>());
        if (cache.containsKey(id)) {
            return cache.get(id);
        }
        int offset = pools.offset(type, id);
        Object value = null;
        if (offset >= 0) {
            int back = in.position();
            in.position(offset);
            try {
                value = type.kind() == JfrType.Kind.STRUCT ? readStruct(type) : readOne(new JfrField("", type, false,
                        false, JfrField.Ticks.NONE));
            } finally {
                in.position(back);
            }
        }
        cache.put(id, value);
        return value;
    }

    /**
     * Moves to a constant's value so that the caller decodes it field by field; returns the
     * position to come back to, or -1 (and does not move) when the chunk lacks it.
     */
    public int seekConstant(JfrType type, long id) {
        int offset = pools.offset(type, id);
        if (offset < 0) {
            return -1;
        }
        int back = in.position();
        in.position(offset);
        return back;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new CorruptDataException("values nested more than " + MAX_DEPTH + " deep");
        }
    }

    /** Resets the nesting count after a failed event. */
    public void reset() {
        depth = 0;
    }
}
