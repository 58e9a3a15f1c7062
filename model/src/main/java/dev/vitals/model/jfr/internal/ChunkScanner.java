package dev.vitals.model.jfr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the chunk headers of a JFR file and walks each chunk's records, without parsing events:
 * finds the complete chunks, counts {@code jdk.Metadata} (type 0) and {@code jdk.Checkpoint}
 * (type 1) records as {@code jfr summary} does, and describes what is wrong with the rest.
 *
 * <p>Chunk header (big-endian): magic "FLR\0", major and minor version (shorts), chunk size,
 * constant pool offset, metadata offset, start nanos, duration nanos, start ticks, ticks per second
 * (longs), then the file state at 64 and flags at 67 (bit 0: compressed integers); 68 bytes.
 */
public final class ChunkScanner {
    /** Size of a chunk header. */
    public static final int HEADER_SIZE = 68;
    private static final int MAGIC = 0x464C5200;

    private ChunkScanner() {
    }

    /**
     * A chunk of a file.
     *
     * @param index         0-based position in the file
     * @param offset        byte offset of the chunk in the file
     * @param size          bytes of the chunk
     * @param startNanos    chunk start, epoch nanos
     * @param durationNanos chunk duration
     * @param metadata      number of metadata records
     * @param checkpoints   number of checkpoint (constant pool) records
     * @param finished      the JVM closed the chunk; false for a chunk still being written, whose
     *                      {@code size} bytes are whole as of its last flush
     */
    public record Chunk(int index, long offset, long size, long startNanos, long durationNanos, long metadata,
                        long checkpoints, boolean finished) {
        /** The header byte that is 0 once the JVM has finished the chunk. */
        public static final int FILE_STATE_POSITION = 64;
    }

    /**
     * The outcome of a scan.
     *
     * @param fileSize bytes in the file
     * @param chunks   the whole, well-formed chunks in file order
     * @param problems one line per part of the file that was skipped, without the file name
     * @param fatal    why nothing in the file can be read (then chunks is empty), else {@code null}
     */
    public record Scan(long fileSize, List<Chunk> chunks, List<String> problems, String fatal) {
    }

    /** Scans a file. */
    public static Scan scan(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize == 0) {
                return new Scan(0, List.of(), List.of(), "the file is empty");
            }
            List<Chunk> chunks = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            long offset = 0;
            int index = 0;
            while (offset < fileSize) {
                long left = fileSize - offset;
                ByteBuffer header = ByteBuffer.allocate((int) Math.min(HEADER_SIZE, left)).order(ByteOrder.BIG_ENDIAN);
                channel.read(header, offset);
                header.flip();
                if (header.remaining() < 4 || header.getInt(0) != MAGIC) {
                    if (index == 0) {
                        return new Scan(fileSize, List.of(), List.of(),
                                "not a JFR recording (it does not start with the bytes FLR)");
                    }
                    problems.add("skipped " + left + " bytes after chunk " + index + " at offset " + offset
                            + ": no chunk header there");
                    break;
                }
                if (header.remaining() < HEADER_SIZE) {
                    problems.add("skipped chunk " + (index + 1) + " at offset " + offset
                            + ": truncated (only " + left + " bytes, not even a whole header)");
                    break;
                }
                int major = header.getShort(4);
                long size = header.getLong(8);
                if (major < 1 || major > 2) {
                    problems.add("skipped chunk " + (index + 1) + " at offset " + offset
                            + ": unsupported JFR format version " + major + "." + header.getShort(6));
                    break;
                }
                if (size < HEADER_SIZE || size > left) {
                    problems.add("skipped chunk " + (index + 1) + " at offset " + offset + ": truncated ("
                            + left + " bytes of " + (size < HEADER_SIZE ? "an unfinished chunk" : size + "") + ")");
                    break;
                }
                boolean compressed = (header.get(67) & 1) != 0;
                MappedByteBuffer body = channel.map(FileChannel.MapMode.READ_ONLY, offset, size);
                long[] counts = countRecords(body, compressed, header.getLong(16), header.getLong(24));
                if (counts == null) {
                    problems.add("skipped chunk " + (index + 1) + " at offset " + offset
                            + ": corrupt (its records do not add up to the chunk size)");
                } else {
                    chunks.add(new Chunk(index, offset, size, header.getLong(32), header.getLong(40), counts[0],
                            counts[1], header.get(Chunk.FILE_STATE_POSITION) == 0));
                }
                offset += size;
                index++;
            }
            return new Scan(fileSize, List.copyOf(chunks), List.copyOf(problems), null);
        }
    }

    /**
     * Walks the records of one chunk: returns {metadata, checkpoints}, or {@code null} if the sizes
     * do not lead exactly to the chunk's end or the constant pool and metadata offsets are not
     * record starts.
     */
    private static long[] countRecords(ByteBuffer chunk, boolean compressed, long constantPoolOffset,
                                       long metadataOffset) {
        long metadata = 0;
        long checkpoints = 0;
        boolean sawPool = constantPoolOffset == 0;
        boolean sawMetadata = false;
        int position = HEADER_SIZE;
        int end = chunk.limit();
        while (position < end) {
            int start = position;
            long[] cursor = {position};
            long size = compressed ? readVarLong(chunk, cursor, end) : readInt(chunk, cursor, end);
            if (size <= 0 || start + size > end) {
                return null;
            }
            long type = compressed ? readVarLong(chunk, cursor, end) : readLongRaw(chunk, cursor, end);
            if (type == 0) {
                metadata++;
            } else if (type == 1) {
                checkpoints++;
            }
            sawPool |= start == constantPoolOffset;
            sawMetadata |= start == metadataOffset;
            position = (int) (start + size);
        }
        return position == end && sawPool && sawMetadata ? new long[] {metadata, checkpoints} : null;
    }

    private static long readVarLong(ByteBuffer buffer, long[] cursor, int end) {
        long result = 0;
        int p = (int) cursor[0];
        for (int i = 0; i < 9; i++) {
            if (p >= end) {
                return -1;
            }
            int b = buffer.get(p++) & 0xFF;
            if (i == 8) {
                result |= (long) b << 56;
                break;
            }
            result |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                break;
            }
        }
        cursor[0] = p;
        return result;
    }

    private static long readInt(ByteBuffer buffer, long[] cursor, int end) {
        int p = (int) cursor[0];
        if (p + 4 > end) {
            return -1;
        }
        cursor[0] = p + 4;
        return buffer.getInt(p);
    }

    private static long readLongRaw(ByteBuffer buffer, long[] cursor, int end) {
        int p = (int) cursor[0];
        if (p + 8 > end) {
            return -1;
        }
        cursor[0] = p + 8;
        return buffer.getLong(p);
    }
}
