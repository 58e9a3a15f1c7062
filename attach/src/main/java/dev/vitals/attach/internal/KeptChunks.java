package dev.vitals.attach.internal;

import dev.vitals.model.jfr.LiveChunks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A live session's {@code recording/} folder, where its chunk files are kept as they arrive, and
 * the JFR chunk header fields that keeping them needs.
 */
public final class KeptChunks {
    /** JFR chunk header: magic "FLR\0", then sizes, positions and times; byte 64 is 0 once the chunk is finished. */
    static final int HEADER_SIZE = 68;
    static final int MAGIC = 0x464c5200;
    static final int CHUNK_SIZE_POSITION = 8;
    static final int METADATA_POSITION = 24;
    static final int START_NANOS_POSITION = 32;
    static final int FILE_STATE_POSITION = 64;
    /** The writer is changing the header: read it again. */
    static final byte UPDATING = (byte) 255;
    static final byte FINISHED = 0;
    static final int FLAG_BYTE_POSITION = 67;
    /** Flag: the last chunk of the recording (a stream reading the folder ends after it). */
    static final byte FINAL_CHUNK = 1 << 1;

    private KeptChunks() {
    }

    /** The kept chunk files, oldest first (their names are their start times). */
    public static List<Path> list(Path directory) throws IOException {
        return LiveChunks.chunkFiles(directory);
    }

    /**
     * Makes every kept chunk readable on its own once nothing writes them any more: a chunk the
     * target never finished (it died, or the connection dropped) is cut at its last flush, whose size
     * the header holds, and marked finished; one without any flush cannot be read and is renamed to
     * {@code *.jfr.unreadable}. Returns the number of chunks cut or renamed.
     */
    public static int seal(Path directory) throws IOException {
        int sealed = 0;
        for (Path chunk : list(directory)) {
            try (FileChannel channel = FileChannel.open(chunk, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
                readFully(channel, header, 0);
                if (header.hasRemaining() || header.getInt(0) != MAGIC) {
                    channel.close();
                    Files.move(chunk, chunk.resolveSibling(chunk.getFileName() + ".unreadable"));
                    sealed++;
                    continue;
                }
                if (header.get(FILE_STATE_POSITION) == FINISHED) {
                    continue;
                }
                long size = header.getLong(CHUNK_SIZE_POSITION);
                long metadata = header.getLong(METADATA_POSITION);
                if (size <= HEADER_SIZE || metadata == 0 || size > channel.size()) {
                    channel.close();
                    Files.move(chunk, chunk.resolveSibling(chunk.getFileName() + ".unreadable"));
                } else {
                    channel.truncate(size);
                    channel.write(ByteBuffer.wrap(new byte[] {FINISHED}), FILE_STATE_POSITION);
                }
                sealed++;
            }
        }
        return sealed;
    }

    /** Reads from {@code position} until {@code buffer} is full or the file ends. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return;
            }
        }
    }
}
