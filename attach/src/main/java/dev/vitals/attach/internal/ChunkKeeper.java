package dev.vitals.attach.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
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
