package dev.vitals.model.session;

import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;
import dev.vitals.model.jfr.internal.ChunkHeader;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.session.internal.ManifestJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The {@code .vitals} session file: a zip with {@code manifest.json} first and then the raw JFR
 * chunks, untouched, as {@code recording/chunk-NNNN.jfr} (so JMC or {@code jfr} can read them),
 * then the thread dumps and histograms taken ({@link SessionDiagnostics}, under {@code diagnostics/}).
 * Reopening re-imports the chunks in order, which gives the same model (ids included) again.
 *
 * <p>A zip that was cut short or damaged is read entry by entry as far as it goes; every whole JFR
 * chunk found is recovered and the {@link SessionException} says what was lost.
 */
public final class SessionFile {
    /** The manifest's entry name. */
    public static final String MANIFEST = "manifest.json";
    /** The folder of the chunk entries. */
    public static final String RECORDING = "recording/";

    private SessionFile() {
    }

    /**
     * Writes a session: the manifest (its chunk list replaced by the entries written) and every whole
     * chunk of the given recordings, in order. Written to a temporary file and then moved into place.
     *
     * @return the manifest as written
     */
    public static SessionManifest save(Path target, SessionManifest manifest, List<Path> recordings) throws IOException {
        return save(target, manifest, recordings, SessionDiagnostics.none(), null);
    }

    /**
     * {@link #save(Path, SessionManifest, List)} with the thread dumps and histograms taken, after the
     * chunks, and the snapshots they name, copied from {@code folder} (a live session folder; a
     * snapshot missing there is left out).
     */
    public static SessionManifest save(Path target, SessionManifest manifest, List<Path> recordings,
                                       SessionDiagnostics diagnostics, Path folder) throws IOException {
        List<Path> sources = new ArrayList<>();
        List<ChunkScanner.Chunk> chunks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path recording : recordings) {
            for (ChunkScanner.Chunk chunk : ChunkScanner.scan(recording).wholeChunks()) {
                sources.add(recording);
                chunks.add(chunk);
                names.add(RECORDING + String.format("chunk-%04d.jfr", names.size() + 1));
            }
        }
        SessionManifest written = manifest.withChunks(names);
        Path parent = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".vitals-", ".tmp");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(ManifestJson.write(written).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (int i = 0; i < names.size(); i++) {
                    zip.putNextEntry(new ZipEntry(names.get(i)));
                    copyChunk(sources.get(i), chunks.get(i), zip);
                    zip.closeEntry();
                }
                for (Map.Entry<String, String> entry : diagnostics.entries().entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                for (SessionDiagnostics.Snapshot snapshot : diagnostics.snapshots()) {
                    Path file = folder == null ? null : folder.resolve(snapshot.entry());
                    if (file != null && Files.isRegularFile(file)) {
                        zip.putNextEntry(new ZipEntry(snapshot.entry()));
                        Files.copy(file, zip);
                        zip.closeEntry();
                    }
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return written;
    }

    /**
     * Writes the chunks of the session {@code source} with a new manifest to {@code target} (which
     * may be {@code source} itself: the new file is written aside and then moved into place).
     *
     * @return the manifest as written
     */
    public static SessionManifest resave(Path source, Path target, SessionManifest manifest) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".vitals-", ".tmp");
        try {
            SessionManifest written;
            try (ZipFile from = new ZipFile(source.toFile());
                 ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                List<? extends ZipEntry> chunks = from.stream().filter(e -> e.getName().startsWith(RECORDING)).toList();
                written = manifest.withChunks(chunks.stream().map(ZipEntry::getName).toList());
                // the chunks, then the diagnostics and snapshots kept, as they are
                List<? extends ZipEntry> copied = from.stream().filter(e -> e.getName().startsWith(RECORDING)
                        || e.getName().startsWith(SessionDiagnostics.FOLDER)
                        || e.getName().startsWith(SessionDiagnostics.SNAPSHOTS)).toList();
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(ManifestJson.write(written).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (ZipEntry entry : copied) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = from.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The snapshot {@code entry} of a session ({@code .vitals} file or live session folder) as a file
     * of its own: the folder's file itself, or the file's entry copied into {@code scratch}.
     *
     * @throws IOException when the session does not hold it or cannot be read
     */
    public static Path snapshot(Path session, String entry, Path scratch) throws IOException {
        if (Files.isDirectory(session)) {
            Path file = session.resolve(entry);
            if (!Files.isRegularFile(file)) {
                throw new IOException(session + " no longer holds the snapshot " + entry);
            }
            return file;
        }
        try (ZipFile zip = new ZipFile(session.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            if (found == null) {
                throw new IOException(session + " does not hold the snapshot " + entry);
            }
            Path file = scratch.resolve(Path.of(entry).getFileName());
            try (InputStream in = zip.getInputStream(found)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        }
    }

    /** Reads only the manifest of a session file (its chunks are not imported). */
    public static SessionManifest manifest(Path file) throws SessionException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new SessionException(file + ": not a Vitals session (no " + MANIFEST + ")");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return readManifest(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new SessionException(file + ": cannot be read (" + e.getMessage() + ")", e, null);
        }
    }

    /** Opens a session file and re-imports its chunks. */
    public static OpenedSession open(Path file) throws SessionException {
        return open(file, ImportProgress.NONE, () -> false);
    }

    /**
     * Opens a session file and re-imports its chunks, with progress and cancellation.
     *
     * @throws SessionException for a file that is not a session, a newer format version, or damage
     *                          (then with whatever was {@linkplain SessionException#recovered() recovered})
     */
    public static OpenedSession open(Path file, ImportProgress progress, BooleanSupplier cancelled)
            throws SessionException {
        Path work;
        try {
            work = Files.createTempDirectory("vitals-session-");
        } catch (IOException e) {
            throw new SessionException(file + ": cannot unpack (" + e.getMessage() + ")", e, null);
        }
        try {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return openWhole(file, zip, work, progress, cancelled);
            } catch (ZipException e) {
                return recoverDamaged(file, work, e, progress, cancelled);
            } catch (IOException e) {
                throw new SessionException(file + ": cannot be read (" + e.getMessage() + ")", e, null);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static OpenedSession openWhole(Path file, ZipFile zip, Path work, ImportProgress progress,
                                           BooleanSupplier cancelled) throws IOException, SessionException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null) {
            throw new SessionException(file + ": not a Vitals session (no " + MANIFEST + ")");
        }
        String text;
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SessionManifest manifest = readManifest(file, text);
        List<Path> chunks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String name : manifest.chunks()) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                warnings.add(file + ": chunk " + name + " listed in the manifest is missing");
                continue;
            }
            Path chunk = work.resolve(name.replace('/', '_'));
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, chunk);
            }
            chunks.add(chunk);
        }
        return importChunks(file, manifest, chunks, warnings, progress, cancelled);
    }

    /** Reads a damaged zip entry by entry, keeping the manifest if whole and every chunk's bytes. */
    private static OpenedSession recoverDamaged(Path file, Path work, ZipException damage, ImportProgress progress,
                                                BooleanSupplier cancelled) throws SessionException {
        String manifestText = null;
        List<Path> chunks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                if (entry.getName().equals(MANIFEST)) {
                    manifestText = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else if (entry.getName().startsWith(RECORDING)) {
                    Path chunk = work.resolve(entry.getName().replace('/', '_'));
                    chunks.add(chunk);
                    try (OutputStream out = Files.newOutputStream(chunk)) {
                        zip.transferTo(out);
                    }
                }
            }
        } catch (IOException e) {
            warnings.add(file + ": the zip ends inside an entry (" + e.getMessage() + "); kept its whole chunks");
        }
        if (entries == 0) {
            throw new SessionException(file + ": not a Vitals session (not a zip archive)", damage, null);
        }
        SessionManifest manifest = SessionManifest.empty("");
        if (manifestText == null) {
            warnings.add(file + ": " + MANIFEST + " was lost; bookmarks, notes and settings are gone");
        } else {
            manifest = readManifest(file, manifestText);
        }
        OpenedSession recovered;
        try {
            recovered = importChunks(file, manifest, chunks, warnings, progress, cancelled);
        } catch (SessionException e) {
            throw new SessionException(file + ": damaged session file (" + damage.getMessage()
                    + "); no whole chunk could be recovered", damage, null);
        }
        int kept = recovered.profile().snapshot().info().chunkCount();
        throw new SessionException(file + ": damaged session file (" + damage.getMessage() + "); recovered " + kept
                + " chunk" + (kept == 1 ? "" : "s"), damage, recovered);
    }

    private static SessionManifest readManifest(Path file, String text) throws SessionException {
        int version;
        try {
            version = ManifestJson.formatVersion(text);
        } catch (IllegalArgumentException e) {
            throw new SessionException(file + ": " + MANIFEST + " is not valid JSON (" + e.getMessage() + ")", e, null);
        }
        if (version > SessionManifest.FORMAT_VERSION) {
            throw new SessionException(file + ": made by a newer Vitals (session format " + version
                    + "; this version reads up to " + SessionManifest.FORMAT_VERSION + ")");
        }
        try {
            return ManifestJson.read(text);
        } catch (IllegalArgumentException e) {
            throw new SessionException(file + ": " + MANIFEST + " is damaged (" + e.getMessage() + ")", e, null);
        }
    }

    private static OpenedSession importChunks(Path file, SessionManifest manifest, List<Path> chunks,
                                              List<String> warnings, ImportProgress progress, BooleanSupplier cancelled)
            throws SessionException {
        if (chunks.isEmpty()) {
            throw new SessionException(file + ": the session holds no recorded chunks");
        }
        try {
            var profile = JfrFiles.importFiles(file.toString(), chunks, progress, cancelled);
            List<String> all = new ArrayList<>(warnings);
            for (String warning : profile.snapshot().info().warnings()) {
                all.add(inSession(file, warning, chunks));
            }
            return new OpenedSession(file, manifest, profile, all);
        } catch (JfrImportException e) {
            throw new SessionException(inSession(file, e.getMessage(), chunks), e, null);
        }
    }

    /** Names an unpacked chunk in a message as the entry of the session it came from. */
    private static String inSession(Path file, String message, List<Path> chunks) {
        Path dir = chunks.getFirst().getParent();
        String text = message;
        for (Path chunk : chunks) {
            text = text.replace(chunk.toString(), file + "!/" + chunk.getFileName().toString().replaceFirst("_", "/"));
        }
        return text.replace(dir.toString(), file.toString());
    }

    /**
     * Copies a chunk. One still being written (a live session saved while it records) is copied as
     * of its newest flush: its header, read now and marked finished, gives the size that is whole,
     * and the JVM only appends past that size, so it reads like any closed chunk.
     */
    private static void copyChunk(Path from, ChunkScanner.Chunk chunk, OutputStream out) throws IOException {
        if (chunk.finished()) {
            copyRange(from, chunk.offset(), chunk.size(), out);
            return;
        }
        ByteBuffer header = ByteBuffer.allocate(ChunkHeader.SIZE);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
            while (header.hasRemaining()) {
                if (in.read(header, chunk.offset() + header.position()) < 0) {
                    throw new IOException(from + ": the header of chunk " + (chunk.index() + 1) + " is cut short");
                }
            }
        }
        long size = Math.max(chunk.size(), header.getLong(8));
        header.put(ChunkHeader.FILE_STATE_POSITION, (byte) 0);
        out.write(header.array());
        copyRange(from, chunk.offset() + ChunkHeader.SIZE, size - ChunkHeader.SIZE, out);
    }

    private static void copyRange(Path from, long offset, long size, OutputStream out) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
            long copied = 0;
            var target = Channels.newChannel(out);
            while (copied < size) {
                copied += in.transferTo(offset + copied, size - copied, target);
            }
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
