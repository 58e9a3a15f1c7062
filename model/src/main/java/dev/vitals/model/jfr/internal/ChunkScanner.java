package dev.vitals.model.jfr.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the chunks of a JFR file from their headers alone (each header gives its chunk's size),
 * without reading records: whole chunks, a last chunk cut short (kept with the bytes there are),
 * and what is wrong with the rest.
 */
public final class ChunkScanner {
    private ChunkScanner() {
    }

    /**
     * A chunk of a file.
     *
     * @param index     0-based position in the file
     * @param offset    byte offset of the chunk in the file
     * @param available bytes of the chunk in the file: its header's size, or less when the file ends first
     * @param header    the chunk's header
     */
    public record Chunk(int index, long offset, long available, ChunkHeader header) {
        /** Bytes of the chunk as its header says. */
        public long size() {
            return header.size();
        }

        /** True when the file holds the whole chunk. */
        public boolean whole() {
            return available == header.size();
        }

        /** The JVM closed the chunk; false for one still being written, whole as of its last flush. */
        public boolean finished() {
            return header.finished();
        }
    }

    /**
     * The outcome of a scan.
     *
     * @param fileSize bytes in the file
     * @param chunks   the chunks in file order, the last maybe cut short
     * @param problems one line per part of the file that was skipped, without the file name
     * @param fatal    why nothing in the file can be read (then chunks is empty), else {@code null}
     */
    public record Scan(long fileSize, List<Chunk> chunks, List<String> problems, String fatal) {
        /** The chunks the file holds whole. */
        public List<Chunk> wholeChunks() {
            return chunks.stream().filter(Chunk::whole).toList();
        }
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
                ByteBuffer header = ByteBuffer.allocate((int) Math.min(ChunkHeader.SIZE, left))
                        .order(ByteOrder.BIG_ENDIAN);
                channel.read(header, offset);
                header.flip();
                if (header.remaining() < 4 || header.getInt(0) != ChunkHeader.MAGIC) {
                    if (index == 0) {
                        return new Scan(fileSize, List.of(), List.of(),
                                "not a JFR recording (it does not start with the bytes FLR)");
                    }
                    problems.add("skipped " + left + " bytes after chunk " + index + " at offset " + offset
                            + ": no chunk header there");
                    break;
                }
                if (header.remaining() < ChunkHeader.SIZE) {
                    problems.add("skipped chunk " + (index + 1) + " at offset " + offset
                            + ": truncated (only " + left + " bytes, not even a whole header)");
                    break;
                }
                ChunkHeader chunk = ChunkHeader.read(header, 0);
                if (chunk.major() < 1 || chunk.major() > 2) {
                    String problem = chunk.major() == 0
                            ? "a JDK 7 or 8 recording (JFR format 0." + chunk.minor() + "), which Vitals does not read"
                            : "unsupported JFR format version " + chunk.major() + "." + chunk.minor();
                    if (index == 0) {
                        return new Scan(fileSize, List.of(), List.of(), problem);
                    }
                    problems.add("skipped chunk " + (index + 1) + " at offset " + offset + ": " + problem);
                    break;
                }
                if (chunk.size() <= ChunkHeader.SIZE || chunk.size() > Integer.MAX_VALUE) {
                    // a chunk still being written without a flush, or a damaged size: read what is there
                    long available = Math.min(left, Integer.MAX_VALUE);
                    chunks.add(new Chunk(index, offset, available, withSize(chunk, available + 1)));
                    break;
                }
                long available = Math.min(chunk.size(), left);
                chunks.add(new Chunk(index, offset, available, chunk));
                offset += available;
                index++;
            }
            return new Scan(fileSize, List.copyOf(chunks), List.copyOf(problems), null);
        }
    }

    private static ChunkHeader withSize(ChunkHeader h, long size) {
        return new ChunkHeader(h.major(), h.minor(), size, h.startNanos(), h.durationNanos(), h.startTicks(),
                h.ticksPerSecond(), h.finished(), h.compressed());
    }
}
