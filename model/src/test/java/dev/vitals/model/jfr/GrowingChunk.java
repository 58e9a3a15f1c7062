package dev.vitals.model.jfr;

import dev.vitals.model.jfr.internal.ChunkHeader;
import dev.vitals.model.jfr.internal.ChunkInput;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A finished one-chunk recording replayed as JFR wrote it: cut after each flush (a checkpoint whose
 * flags mark it as a flush's: JFR's {@code FLUSH} bit, 1) and written with the header JFR leaves at
 * that flush (its size, the file state "in progress"), so a live reader can be fed it a flush at a time.
 */
public final class GrowingChunk {
    private static final int FLUSH = 1;

    private final byte[] bytes;
    private final ChunkHeader header;

    public GrowingChunk(Path recording) throws IOException {
        bytes = Files.readAllBytes(recording);
        header = ChunkHeader.read(ByteBuffer.wrap(bytes), 0);
        if (header.size() != bytes.length) {
            throw new IllegalArgumentException(recording + " is not one whole chunk");
        }
    }

    /**
     * A flush: where it ended in the chunk and the chunk's duration it wrote into the header.
     */
    public record Flush(int end, long durationNanos) {
    }

    /** The chunk's flushes in order, the last one ending at the chunk's end. */
    public List<Flush> flushes() {
        ChunkInput in = new ChunkInput(ByteBuffer.wrap(bytes), bytes.length, header.compressed());
        List<Flush> ends = new ArrayList<>();
        int position = ChunkHeader.SIZE;
        while (position < bytes.length) {
            in.position(position);
            int size = (int) in.readLong();
            long type = in.readLong();
            if (type == 1) {
                long ticks = in.readLong() + in.readLong() - header.startTicks(); // start + duration
                in.readLong(); // delta
                if ((in.readByte() & FLUSH) != 0) {
                    ends.add(new Flush(position + size, Math.round(ticks * 1e9 / header.ticksPerSecond())));
                }
            }
            position += size;
        }
        if (ends.isEmpty() || ends.getLast().end() != bytes.length) {
            ends.add(new Flush(bytes.length, header.durationNanos()));
        }
        return ends;
    }

    /** Writes the chunk as it was after {@code flush} (finished after the last one). */
    public void writeUpTo(Flush flush, Path target) throws IOException {
        byte[] part = Arrays.copyOf(bytes, flush.end());
        ByteBuffer view = ByteBuffer.wrap(part);
        view.putLong(8, flush.end());
        if (flush.end() < bytes.length) {
            view.putLong(40, Math.min(flush.durationNanos(), header.durationNanos()));
            view.put(ChunkHeader.FILE_STATE_POSITION, (byte) 1);
        }
        Files.write(target, part);
    }
}
