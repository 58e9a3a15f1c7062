package dev.vitals.model.session;

import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.session.internal.ManifestJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The folder a live session writes as it goes: {@code manifest.json} (replaced atomically on every
 * change) and {@code recording/*.jfr}, the raw chunks in name order (a JFR repository's chunk files
 * are named by time). Packed into a {@code .vitals} file on save; after a crash,
 * {@link #recover} rebuilds the model from every whole chunk, skipping the one that was being
 * written.
 */
public final class LiveSessionFolder {
    private final Path directory;
    private SessionManifest manifest;

    private LiveSessionFolder(Path directory, SessionManifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /** Creates (or reuses) the folder and writes the manifest. */
    public static LiveSessionFolder create(Path directory, SessionManifest manifest) throws IOException {
        Files.createDirectories(directory.resolve(SessionFile.RECORDING));
        LiveSessionFolder folder = new LiveSessionFolder(directory, manifest);
        folder.writeManifest(manifest);
        return folder;
    }

    /**
     * A folder left behind by an earlier run, with the manifest it holds, for packing it as it is.
     *
     * @throws IOException if the manifest is missing or unreadable ({@link #recover} still reads the chunks)
     */
    public static LiveSessionFolder open(Path directory) throws IOException {
        Path manifestFile = directory.resolve(SessionFile.MANIFEST);
        try {
            return new LiveSessionFolder(directory, ManifestJson.read(Files.readString(manifestFile, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IOException(manifestFile + ": unreadable (" + e.getMessage() + ")", e);
        }
    }

    /** The session folder. */
    public Path directory() {
        return directory;
    }

    /** Where the raw chunks go ({@code recording/}). */
    public Path recordingDirectory() {
        return directory.resolve(SessionFile.RECORDING);
    }

    /** The manifest last written. */
    public SessionManifest manifest() {
        return manifest;
    }

    /** Replaces the manifest on disk atomically (write to a temporary file, then move). */
    public void writeManifest(SessionManifest next) throws IOException {
        Path temp = directory.resolve(SessionFile.MANIFEST + ".tmp");
        Files.writeString(temp, ManifestJson.write(next), StandardCharsets.UTF_8);
        Files.move(temp, directory.resolve(SessionFile.MANIFEST), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        manifest = next;
    }

    /** The chunk files, in name order. */
    public List<Path> chunkFiles() throws IOException {
        return chunkFiles(directory);
    }

    /** Packs the folder into a {@code .vitals} file (whole chunks only, and the diagnostics and snapshots kept). */
    public SessionManifest pack(Path target) throws IOException {
        return SessionFile.save(target, manifest, chunkFiles(), SessionDiagnostics.read(directory), directory);
    }

    /**
     * Writes a {@code .vitals} snapshot of the chunks that hold data from {@code fromNanos} (epoch)
     * on, the one being written included (as of its newest flush), with {@code snapshotManifest},
     * into this folder as {@code entry} (under {@link SessionDiagnostics#SNAPSHOTS}).
     *
     * @return the snapshot's file
     * @throws IOException when no chunk has been written yet or the file cannot be written
     */
    public Path snapshot(String entry, SessionManifest snapshotManifest, long fromNanos) throws IOException {
        List<Path> covering = new ArrayList<>();
        for (Path chunk : chunkFiles()) {
            if (reachesPast(chunk, fromNanos)) {
                covering.add(chunk);
            }
        }
        if (covering.isEmpty()) {
            throw new IOException(directory + " holds no recorded chunk yet");
        }
        Path file = directory.resolve(entry);
        Files.createDirectories(file.getParent());
        SessionFile.save(file, snapshotManifest, covering);
        return file;
    }

    /** True when a chunk file holds data at or after {@code nanos}: one not finished yet always does. */
    private static boolean reachesPast(Path chunkFile, long nanos) throws IOException {
        for (ChunkScanner.Chunk chunk : ChunkScanner.scan(chunkFile).wholeChunks()) {
            if (!chunk.finished() || chunk.header().startNanos() + chunk.header().durationNanos() >= nanos) {
                return true;
            }
        }
        return false;
    }

    /** Removes a session folder and everything in it (once it is packed, or given up). */
    public static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Replaces the thread dumps and histograms kept in the folder. */
    public void writeDiagnostics(SessionDiagnostics diagnostics) throws IOException {
        diagnostics.writeTo(directory);
    }

    /**
     * Rebuilds a session from a folder left behind (for example after a crash): the manifest if it
     * is readable (else a default one and a warning) and every whole chunk.
     *
     * @throws SessionException if the folder holds no whole chunk, or was written by a newer version
     */
    public static OpenedSession recover(Path directory, ImportProgress progress, BooleanSupplier cancelled)
            throws SessionException {
        List<String> warnings = new ArrayList<>();
        SessionManifest manifest = SessionManifest.empty("");
        Path manifestFile = directory.resolve(SessionFile.MANIFEST);
        try {
            String text = Files.readString(manifestFile, StandardCharsets.UTF_8);
            if (ManifestJson.formatVersion(text) > SessionManifest.FORMAT_VERSION) {
                throw new SessionException(directory + ": made by a newer Vitals (session format "
                        + ManifestJson.formatVersion(text) + "; this version reads up to "
                        + SessionManifest.FORMAT_VERSION + ")");
            }
            manifest = ManifestJson.read(text);
        } catch (IOException | IllegalArgumentException e) {
            warnings.add(manifestFile + ": unreadable (" + e.getMessage() + "); bookmarks, notes and settings are gone");
        }
        List<Path> chunks;
        try {
            chunks = chunkFiles(directory);
        } catch (IOException e) {
            throw new SessionException(directory + ": cannot list recorded chunks (" + e.getMessage() + ")", e, null);
        }
        if (chunks.isEmpty()) {
            throw new SessionException(directory + ": the session folder holds no recorded chunks");
        }
        try {
            var profile = JfrFiles.importFiles(directory.toString(), chunks, progress, cancelled);
            warnings.addAll(profile.snapshot().info().warnings());
            return new OpenedSession(directory, manifest.withChunks(chunks.stream()
                    .map(c -> SessionFile.RECORDING + c.getFileName()).toList()), profile, warnings);
        } catch (JfrImportException e) {
            throw new SessionException(e.getMessage(), e, null);
        }
    }

    private static List<Path> chunkFiles(Path directory) throws IOException {
        Path recording = directory.resolve(SessionFile.RECORDING);
        if (!Files.isDirectory(recording)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(recording)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jfr")).sorted().toList();
        }
    }
}
