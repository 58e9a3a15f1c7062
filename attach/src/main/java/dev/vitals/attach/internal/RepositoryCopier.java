package dev.vitals.attach.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

import static dev.vitals.attach.internal.KeptChunks.CHUNK_SIZE_POSITION;
import static dev.vitals.attach.internal.KeptChunks.FILE_STATE_POSITION;
import static dev.vitals.attach.internal.KeptChunks.FINAL_CHUNK;
import static dev.vitals.attach.internal.KeptChunks.FINISHED;
import static dev.vitals.attach.internal.KeptChunks.FLAG_BYTE_POSITION;
import static dev.vitals.attach.internal.KeptChunks.HEADER_SIZE;
import static dev.vitals.attach.internal.KeptChunks.MAGIC;
import static dev.vitals.attach.internal.KeptChunks.METADATA_POSITION;
import static dev.vitals.attach.internal.KeptChunks.START_NANOS_POSITION;
import static dev.vitals.attach.internal.KeptChunks.UPDATING;

/**
 * Copies the chunk files of a local JVM's JFR repository into a session's recording folder as the
 * JVM flushes them, from a recording's start on: a chunk's header is copied after the data it
 * describes, with the JVM's own "updating" marker around it, so a reader of the folder sees the same
 * consistent, growing chunks as one reading the repository (the JDK's own stream reads the copy too).
 *
 * <p>The newest chunk is never shown finished while the copying goes on, even when the JVM has
 * finished it (a JDK stream that has read a finished chunk goes on waiting for the next one). The
 * newest chunk is shown finished when a newer one appears, or by {@link #finish()}, which also marks
 * it as the recording's final chunk, so that a JDK stream reading the folder ends after it.
 *
 * <p>Each source chunk stays open once found, so its data can still be read after the JVM deletes
 * its repository (it does when it exits). Copies are made under a {@code .part} name until their
 * first header is complete, then take the source's name.
 */
public final class RepositoryCopier implements Closeable {
    private final Path source;
    private final Path destination;
    private final long fromNanos;
    /** Copied or being copied, by start time. */
    private final TreeMap<Long, Chunk> chunks = new TreeMap<>();
    /** Source chunks being copied, and those of other recordings (before {@link #fromNanos}). */
    private final Set<Path> seen = new HashSet<>();

    /** Copies chunks of {@code source} that start at {@code fromNanos} (epoch) or later. */
    public RepositoryCopier(Path source, Path destination, long fromNanos) throws IOException {
        this.source = source;
        this.destination = Files.createDirectories(destination);
        this.fromNanos = fromNanos;
    }

    /**
     * Copies what the JVM has flushed since the last call. Returns whether anything was copied. A
     * repository that has gone (the JVM exited) only ends the finding of new chunks.
     */
    public synchronized boolean copyNew() throws IOException {
        return copy(false);
    }

    /**
     * Copies what the JVM has flushed, for the last time. Returns whether the recording's last chunk
     * is now complete in the copy and marked as its final one; if not (the JVM died, or never
     * finished it), a stream reading the folder does not end by itself.
     */
    public synchronized boolean finish() throws IOException {
        copy(true);
        return !chunks.isEmpty() && chunks.lastEntry().getValue().finished;
    }

    private boolean copy(boolean last) throws IOException {
        findNew();
        boolean copied = false;
        for (Chunk chunk : chunks.values()) {
            boolean newest = chunk == chunks.lastEntry().getValue();
            copied |= chunk.copy(!newest || last, newest && last);
        }
        return copied;
    }

    @Override
    public synchronized void close() throws IOException {
        for (Chunk chunk : chunks.values()) {
            chunk.in.close();
        }
    }

    private void findNew() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(source, "*.jfr")) {
            for (Path file : files) {
                if (!seen.contains(file)) {
                    examine(file);
                }
            }
        } catch (NoSuchFileException e) {
            // the JVM has exited and deleted its repository: the chunks found are still open
        }
    }

    /** Starts copying a chunk of this recording once its header names its first metadata. */
    private void examine(Path file) throws IOException {
        FileChannel in;
        try {
            in = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return;
        }
        ByteBuffer header = stableHeader(in);
        if (header == null || header.getLong(METADATA_POSITION) == 0) {
            in.close();
            return;
        }
        seen.add(file);
        long start = header.getLong(START_NANOS_POSITION);
        if (start < fromNanos) {
            in.close();
            return;
        }
        chunks.put(start, new Chunk(file, in, destination.resolve(file.getFileName())));
    }

    /**
     * The chunk's header as the JVM last completed it, or null while the JVM is writing it (the
     * file state is "updating", or changed while the header was read) or it is not a chunk yet.
     */
    private static ByteBuffer stableHeader(FileChannel in) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        KeptChunks.readFully(in, header, 0);
        if (header.hasRemaining() || header.getInt(0) != MAGIC || header.get(FILE_STATE_POSITION) == UPDATING) {
            return null;
        }
        ByteBuffer state = ByteBuffer.allocate(1);
        KeptChunks.readFully(in, state, FILE_STATE_POSITION);
        return state.get(0) == header.get(FILE_STATE_POSITION) ? header.rewind() : null;
    }

    private static final class Chunk {
        /** A file state the JVM never writes, for a chunk that is finished in the source but not shown so yet. */
        private static final byte HELD = 1;

        final Path source;
        final FileChannel in;
        final Path copy;
        long copied = HEADER_SIZE;
        boolean finished;
        private ByteBuffer lastHeader;
        private boolean written;

        Chunk(Path source, FileChannel in, Path copy) {
            this.source = source;
            this.in = in;
            this.copy = copy;
        }

        /**
         * Copies the data up to the JVM's last flush, then its header; a finished chunk is shown
         * finished only if {@code mayFinish}, and then marked final if {@code last}.
         */
        boolean copy(boolean mayFinish, boolean last) throws IOException {
            if (finished) {
                return false;
            }
            ByteBuffer header = in.isOpen() ? stableHeader(in) : lastHeader;
            if (header == null) {
                return false;
            }
            boolean sourceFinished = header.get(FILE_STATE_POSITION) == FINISHED;
            if (header.equals(lastHeader) && !(sourceFinished && mayFinish)) {
                return false;
            }
            lastHeader = header;
            ByteBuffer shown = ByteBuffer.allocate(HEADER_SIZE).put(0, header, 0, HEADER_SIZE);
            if (sourceFinished && !mayFinish) {
                shown.put(FILE_STATE_POSITION, HELD);
            } else if (sourceFinished && last) {
                shown.put(FLAG_BYTE_POSITION, (byte) (shown.get(FLAG_BYTE_POSITION) | FINAL_CHUNK));
            }
            long size = header.getLong(CHUNK_SIZE_POSITION);
            Path target = written ? copy : copy.resolveSibling(copy.getFileName() + ".part");
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                while (copied < size) {
                    long n = in.transferTo(copied, size - copied, out.position(copied));
                    if (n <= 0) {
                        throw new IOException(source + " ends at " + copied + " bytes, before its header's " + size);
                    }
                    copied += n;
                }
                writeHeader(out, shown);
            }
            if (!written) {
                Files.move(target, copy);
                written = true;
            }
            if (sourceFinished) {
                in.close();
                finished = mayFinish;
            }
            return true;
        }

        /** The JVM's protocol: "updating" in the file state while the rest changes, the new state last. */
        private static void writeHeader(FileChannel out, ByteBuffer header) throws IOException {
            out.write(ByteBuffer.wrap(new byte[] {UPDATING}), FILE_STATE_POSITION);
            out.write(header.slice(0, FILE_STATE_POSITION), 0);
            out.write(header.slice(FILE_STATE_POSITION + 1, HEADER_SIZE - FILE_STATE_POSITION - 1),
                    FILE_STATE_POSITION + 1);
            out.write(header.slice(FILE_STATE_POSITION, 1), FILE_STATE_POSITION);
        }
    }
}
