package dev.vitals.model.jfr.internal;

import dev.vitals.model.internal.LongIntMap;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each constant of a chunk is: per type, pool id to the offset of its encoded value. Filled
 * from every checkpoint record of the chunk (the one at the end and the deltas that flushes add
 * mid-chunk; a later entry for the same id replaces an earlier one), so values are decoded only
 * when an event refers to them.
 *
 * <p>Checkpoint layout: size, type id 1, start, duration, delta to the previous checkpoint, a flags
 * byte, the number of pools, then per pool its type id, its entry count, and per entry the id and
 * the value encoded as its type.
 */
public final class ConstantPools {
    private final Map<Long, LongIntMap> offsets = new HashMap<>();

    /** Indexes the checkpoint record at the input's position (after its size and type id). */
    void readCheckpoint(ChunkInput in, Metadata metadata, Values values) {
        in.readLong(); // start
        in.readLong(); // duration
        in.readLong(); // delta
        in.readByte(); // flags
        int pools = in.readLength();
        for (int p = 0; p < pools; p++) {
            long typeId = in.readLong();
            JfrType type = metadata.type(typeId);
            if (type == null) {
                throw new CorruptDataException("a constant pool of type id " + typeId + " that the metadata does not describe");
            }
            int count = in.readLength();
            LongIntMap map = offsets.computeIfAbsent(typeId, t -> new LongIntMap(Math.min(count, 1 << 16)));
            for (int i = 0; i < count; i++) {
                long id = in.readLong();
                map.put(id, in.position());
                values.skipValue(type);
            }
        }
    }

    /** The offset of a constant's value, or -1 when the chunk does not hold it. */
    public int offset(JfrType type, long id) {
        LongIntMap map = offsets.get(type.id());
        return map == null ? -1 : map.get(id);
    }
}
