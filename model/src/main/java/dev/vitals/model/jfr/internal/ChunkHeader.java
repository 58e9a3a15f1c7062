package dev.vitals.model.jfr.internal;

import java.nio.ByteBuffer;

/**
 * A chunk header (big-endian, 68 bytes): magic "FLR\0", major and minor version (shorts), chunk
 * size, constant pool offset, metadata offset, start nanos, duration nanos, start ticks, ticks per
 * second (longs), then the file state at 64 (0 once the JVM finished the chunk) and flags at 67
 * (bit 0: integers are compressed).
 *
 * @param major          format major version (1: JDK 9 and 10; 2: JDK 11 on, 8u262 on, async-profiler)
 * @param minor          format minor version
 * @param size           the chunk's size as written in its header
 * @param startNanos     chunk start, epoch nanos
 * @param durationNanos  chunk duration
 * @param startTicks     the clock at the chunk's start
 * @param ticksPerSecond the clock's rate
 * @param finished       the JVM closed the chunk
 * @param compressed     integers are compressed
 */
public record ChunkHeader(int major, int minor, long size, long startNanos, long durationNanos, long startTicks,
                          long ticksPerSecond, boolean finished, boolean compressed) {
    /** Bytes in a chunk header. */
    public static final int SIZE = 68;
    /** The header byte that is 0 once the JVM has finished the chunk. */
    public static final int FILE_STATE_POSITION = 64;
    /** "FLR\0". */
    public static final int MAGIC = 0x464C5200;

    /** Reads a header from 68 bytes at {@code offset}. */
    public static ChunkHeader read(ByteBuffer bytes, int offset) {
        return new ChunkHeader(bytes.getShort(offset + 4), bytes.getShort(offset + 6), bytes.getLong(offset + 8),
                bytes.getLong(offset + 32), bytes.getLong(offset + 40), bytes.getLong(offset + 48),
                bytes.getLong(offset + 56), bytes.get(offset + FILE_STATE_POSITION) == 0,
                (bytes.get(offset + 67) & 1) != 0);
    }

    /** The name {@code jfr summary} gives metadata and checkpoint records: "jdk." or, for JDK 9 and 10, "com.oracle.jdk.". */
    public String recordPrefix() {
        return major == 1 ? "com.oracle.jdk." : "jdk.";
    }
}
