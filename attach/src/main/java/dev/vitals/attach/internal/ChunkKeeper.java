package dev.vitals.attach.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the chunk files a {@code RemoteRecordingStream} downloads. The stream deletes each chunk
 * once it has parsed it, and all of them when it closes; a hard link made while the download is
 * still writing shares the file, so the kept copy grows with it and survives the deletion.
 *
 * <p>Invariant: every chunk file is linked at most once (tracked by file key), into the recording
 * folder, under its own name or, if that is taken, the name with a counter ({@code _1}, which sorts after it).
 */
public final class ChunkKeeper {
    /** JFR chunk header: magic "FLR\0", then sizes and positions; byte 64 is 0 once the chunk is finished. */
    private static final int HEADER_SIZE = 68;
    private static final int MAGIC = 0x464c5200;
    private static final int CHUNK_SIZE_POSITION = 8;
    private static final int METADATA_POSITION = 24;
    private static final int FILE_STATE_POSITION = 64;

    private final Path streamDirectory;
    private final Path recordingDirectory;
    private final Set<Object> kept = new HashSet<>();

    /** Creates both folders and fails at once if their file system cannot hard-link. */
    public ChunkKeeper(Path streamDirectory, Path recordingDirectory) throws IOException {
        this.streamDirectory = Files.createDirectories(streamDirectory);
        this.recordingDirectory = Files.createDirectories(recordingDirectory);
        Path probe = Files.createTempFile(streamDirectory, "link-probe", ".tmp");
        Path link = recordingDirectory.resolve(probe.getFileName());
        try {
            Files.createLink(link, probe);
        } catch (UnsupportedOperationException | IOException e) {
            throw new IOException("The session folder " + recordingDirectory.getParent()
                    + " is on a file system without hard links, which live sessions need to keep their data.", e);
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(probe);
        }
    }

    /** Links every chunk file not linked yet. */
    public synchronized void keepNew() throws IOException {
        try (DirectoryStream<Path> chunks = Files.newDirectoryStream(streamDirectory, "*.jfr")) {
            for (Path chunk : chunks) {
                try {
                    Object key = Files.readAttributes(chunk, BasicFileAttributes.class).fileKey();
                    if (kept.add(key)) {
                        link(chunk);
                    }
                } catch (NoSuchFileException e) {
                    // deleted since the listing: it was linked before, or it was a finished, parsed chunk
                }
            }
        }
    }

    /**
     * Makes every kept chunk readable on its own once the stream is closed: a chunk the target never
     * finished (it died, or the connection dropped) is cut at its last flush, whose size the header
     * holds, and marked finished; one without any flush cannot be read and is renamed to
     * {@code *.jfr.unreadable}. Returns the number of chunks cut or renamed.
     */
    public synchronized int seal() throws IOException {
        int sealed = 0;
        for (Path chunk : chunks()) {
            try (FileChannel channel = FileChannel.open(chunk, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
                while (header.hasRemaining()) {
                    if (channel.read(header) < 0) {
                        break;
                    }
                }
                if (header.hasRemaining() || header.getInt(0) != MAGIC) {
                    channel.close();
                    Files.move(chunk, chunk.resolveSibling(chunk.getFileName() + ".unreadable"));
                    sealed++;
                    continue;
                }
                if (header.get(FILE_STATE_POSITION) == 0) {
                    continue;
                }
                long size = header.getLong(CHUNK_SIZE_POSITION);
                long metadata = header.getLong(METADATA_POSITION);
                if (size <= HEADER_SIZE || metadata == 0 || size > channel.size()) {
                    channel.close();
                    Files.move(chunk, chunk.resolveSibling(chunk.getFileName() + ".unreadable"));
                } else {
                    channel.truncate(size);
                    channel.write(ByteBuffer.wrap(new byte[] {0}), FILE_STATE_POSITION);
                }
                sealed++;
            }
        }
        return sealed;
    }

    /** The kept chunk files, oldest first (their names are their start times). */
    public List<Path> chunks() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> chunks = Files.newDirectoryStream(recordingDirectory, "*.jfr")) {
            chunks.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    private void link(Path chunk) throws IOException {
        String name = chunk.getFileName().toString();
        String base = name.substring(0, name.length() - ".jfr".length());
        for (int i = 0; ; i++) {
            Path target = recordingDirectory.resolve(i == 0 ? name : base + "_" + i + ".jfr");
            try {
                Files.createLink(target, chunk);
                return;
            } catch (FileAlreadyExistsException e) {
                // a chunk of the same second: try the next name
            }
        }
    }
}
