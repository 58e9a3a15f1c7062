package dev.vitals.model.jfr;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.internal.ChunkDecoder;
import dev.vitals.model.jfr.internal.ChunkHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a live session's chunk files (a folder of {@code *.jfr}, each growing while JFR writes it)
 * into a {@link Profile} with the same decoder and importer as files, each record once.
 *
 * <p>JFR makes a chunk in progress readable a flush at a time: after each flush it rewrites the
 * header, first setting the file state byte (64) to 255 ("updating"), then the chunk's size (8),
 * the positions of the last checkpoint (16) and metadata (24) and the duration so far (40), and the
 * file state last; the file state is 0 once the chunk is finished. So a header read with the same
 * file state before and after, and not 255, says up to where the chunk's records are whole; the
 * checkpoint each flush ends with holds the constants its events use, and a flush that adds event
 * types writes the whole metadata again. Each {@link #read()} decodes from where the last one
 * stopped to that size and publishes one snapshot; a chunk is done when its header says finished
 * and every record up to its size is read, and only then is the next file (by name: JFR names
 * chunks by their start time) begun.
 *
 * <p>Single-threaded, like the importer it writes.
 */
public final class LiveChunks {
    private static final int FILE_STATE_POSITION = ChunkHeader.FILE_STATE_POSITION;
    private static final byte UPDATING = (byte) 255;
    /** Where the header holds the offset of the chunk's last metadata record, 0 before the first flush. */
    private static final int METADATA_POSITION = 24;

    private final ProfileImporter importer;
    private final Path folder;
    private final Set<Path> done = new HashSet<>();
    private Path current;
    private ChunkDecoder decoder;

    /** A reader of the chunk files in {@code folder} into {@code importer}'s model. */
    public LiveChunks(ProfileImporter importer, Path folder) {
        this.importer = importer;
        this.folder = folder;
    }

    /** The model the chunks go into. */
    public Profile profile() {
        return importer.profile();
    }

    /**
     * Decodes what was flushed since the last call and publishes it as one snapshot. Returns
     * whether anything new was read. A chunk that cannot be read whole (damaged, or without metadata
     * in its first flush) keeps what was read and gets a warning in the model; the next one is read.
     */
    public boolean read() throws IOException {
        boolean any = false;
        for (Path file : chunkFiles(folder)) {
            if (done.contains(file)) {
                continue;
            }
            Progress step = readChunk(file);
            any |= step.read;
            if (!step.finished) {
                break;
            }
        }
        if (any) {
            importer.publish();
        }
        return any;
    }

    private record Progress(boolean read, boolean finished) {
    }

    private Progress readChunk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkHeader header = stableHeader(channel);
            if (header == null) {
                return new Progress(false, false);
            }
            if (!file.equals(current)) {
                current = file;
                decoder = ChunkDecoder.growing(header, importer.store());
            }
            long size = Math.min(header.size(), channel.size());
            boolean read = false;
            long before = decoder.decodedEnd();
            if (size > before) {
                String where = file.getFileName().toString();
                ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
                try {
                    importer.take(decoder.advance(bytes, (int) size, () -> false, position -> { }), header, where);
                } catch (RuntimeException | StackOverflowError e) {
                    importer.warn(where + ": the rest of the chunk from offset " + decoder.decodedEnd()
                            + " could not be read (" + e.getMessage() + ")");
                    return finish(file, header);
                }
                importer.noteSpan(header.startNanos(), header.durationNanos());
                read = decoder.decodedEnd() > before;
            }
            if (header.finished()) {
                // a record cut or damaged before the chunk's end stops the decoder there: what follows is lost
                if (decoder.decodedEnd() < header.size()) {
                    importer.warn(file.getFileName() + ": kept its records up to offset " + decoder.decodedEnd()
                            + ", lost the last " + (header.size() - decoder.decodedEnd()) + " bytes");
                }
                return finish(file, header);
            }
            return new Progress(read, false);
        } catch (NoSuchFileException e) {
            return new Progress(false, false);
        }
    }

    private Progress finish(Path file, ChunkHeader header) {
        importer.noteChunk(header.startNanos(), header.durationNanos());
        done.add(file);
        current = null;
        decoder = null;
        return new Progress(true, true);
    }

    /** The chunk files of a folder ({@code *.jfr}), oldest first: JFR names them by their start time. */
    public static List<Path> chunkFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> chunks = Files.newDirectoryStream(folder, "*.jfr")) {
            chunks.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /**
     * The chunk's header as JFR last completed it, or null while it is being rewritten (the file
     * state is "updating", or changed while it was read), before its first flush, or when it is no chunk.
     */
    private static ChunkHeader stableHeader(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(ChunkHeader.SIZE).order(ByteOrder.BIG_ENDIAN);
        while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) > 0) {
            // read until whole or the file ends
        }
        if (bytes.hasRemaining() || bytes.getInt(0) != ChunkHeader.MAGIC || bytes.get(FILE_STATE_POSITION) == UPDATING) {
            return null;
        }
        ByteBuffer state = ByteBuffer.allocate(1);
        channel.read(state, FILE_STATE_POSITION);
        ChunkHeader header = ChunkHeader.read(bytes, 0);
        boolean flushed = header.size() > ChunkHeader.SIZE && bytes.getLong(METADATA_POSITION) != 0;
        return state.get(0) == bytes.get(FILE_STATE_POSITION) && flushed ? header : null;
    }
}
