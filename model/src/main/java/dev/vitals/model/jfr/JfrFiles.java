package dev.vitals.model.jfr;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.jfr.internal.ChunkScanner.Chunk;
import dev.vitals.model.jfr.internal.ChunkScanner.Scan;
import dev.vitals.model.jfr.internal.EventPipe;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import jdk.jfr.consumer.RecordedEvent;

/**
 * Imports {@code .jfr} files (JDK 11 to 25, async-profiler, multi-chunk files, the raw chunks of a
 * session) into a {@link Profile}, chunk by chunk, through the one {@link ProfileImporter}. The
 * JDK's parser reads each chunk on a thread of its own while this thread imports what it has read.
 *
 * <p>Each whole chunk becomes one published batch. A truncated last chunk, a corrupt chunk or bytes
 * that are not a chunk are skipped with a warning in the model's
 * {@link dev.vitals.model.RecordingInfo#warnings()}; if nothing at all can be read, a
 * {@link JfrImportException} says why, naming the file. Cancellation ends the import with a
 * {@link CancellationException}.
 */
public final class JfrFiles {
    private JfrFiles() {
    }

    /** Imports one file. */
    public static Profile importFile(Path file) throws JfrImportException {
        return importFile(file, ImportProgress.NONE, () -> false);
    }

    /** Imports one file with progress and cancellation. */
    public static Profile importFile(Path file, ImportProgress progress, BooleanSupplier cancelled)
            throws JfrImportException {
        return importFiles(file.toString(), List.of(file), progress, cancelled);
    }

    /**
     * Imports several files (for example the chunk files of a session or of a JFR repository) into
     * one model, in the order given.
     *
     * @param source a name for the model's {@link dev.vitals.model.RecordingInfo#source()}
     */
    public static Profile importFiles(String source, List<Path> files, ImportProgress progress,
                                      BooleanSupplier cancelled) throws JfrImportException {
        ProfileImporter importer = new ProfileImporter(source);
        long total = 0;
        for (Path file : files) {
            total += sizeOf(file);
        }
        long done = 0;
        int imported = 0;
        String firstProblem = null;
        for (Path file : files) {
            Scan scan;
            try {
                scan = ChunkScanner.scan(file);
            } catch (IOException e) {
                throw new JfrImportException(file + ": cannot be read (" + e.getMessage() + ")", e);
            }
            if (scan.fatal() != null) {
                String problem = file + ": " + scan.fatal();
                if (files.size() == 1) {
                    throw new JfrImportException(problem);
                }
                importer.warn(problem + "; skipped");
                firstProblem = firstProblem == null ? problem : firstProblem;
                done += scan.fileSize();
                continue;
            }
            for (Chunk chunk : scan.chunks()) {
                String failure = importChunk(importer, file, scan, chunk, done, total, progress, cancelled);
                if (failure == null) {
                    imported++;
                } else {
                    importer.warn(file + ": " + failure);
                    firstProblem = firstProblem == null ? file + ": " + failure : firstProblem;
                }
                done += chunk.size();
                progress.update(done, total);
            }
            for (String problem : scan.problems()) {
                importer.warn(file + ": " + problem);
                firstProblem = firstProblem == null ? file + ": " + problem : firstProblem;
            }
            done += scan.fileSize() - scan.chunks().stream().mapToLong(Chunk::size).sum();
        }
        progress.update(total, total);
        if (imported == 0) {
            throw new JfrImportException(firstProblem != null ? firstProblem + "; nothing could be imported"
                    : source + ": no recording data");
        }
        importer.publish();
        return importer.profile();
    }

    /** Imports one chunk as one batch; returns {@code null} on success or what went wrong. */
    private static String importChunk(ProfileImporter importer, Path file, Scan scan, Chunk chunk, long doneBefore,
                                      long total, ImportProgress progress, BooleanSupplier cancelled) {
        boolean whole = chunk.offset() == 0 && chunk.size() == scan.fileSize();
        Path chunkFile = file;
        try {
            if (!whole) {
                chunkFile = Files.createTempFile("vitals-chunk-", ".jfr");
                copyRange(file, chunk.offset(), chunk.size(), chunkFile);
            }
            try (EventPipe pipe = EventPipe.open(chunkFile)) {
                for (String type : pipe.eventTypes()) {
                    importer.countEventType(type);
                }
                long end = chunk.startNanos() + Math.max(1, chunk.durationNanos());
                long reached = chunk.startNanos();
                EventPipe.Batch batch;
                while ((batch = pipe.nextEvents()) != null) {
                    RecordedEvent[] events = batch.events();
                    for (int i = 0; i < events.length; i++) {
                        importer.accept(events[i], batch.traces()[i], batch.newStacks()[i]);
                    }
                    if (cancelled.getAsBoolean()) {
                        importer.discard();
                        throw new CancellationException("import of " + file + " cancelled");
                    }
                    // events are not in time order within a chunk: progress follows the latest seen
                    reached = Math.max(reached, events[events.length - 1].getStartTime().toEpochMilli() * 1_000_000L);
                    double fraction = Math.clamp((double) (reached - chunk.startNanos()) / (end - chunk.startNanos()),
                            0.0, 1.0);
                    progress.update(doneBefore + (long) (chunk.size() * fraction), total);
                }
            }
            importer.countRecords("jdk.Metadata", chunk.metadata());
            importer.countRecords("jdk.Checkpoint", chunk.checkpoints());
            importer.noteChunk(chunk.startNanos(), chunk.durationNanos());
            importer.publish();
            return null;
        } catch (IOException | RuntimeException | InternalError | StackOverflowError e) {
            if (e instanceof CancellationException c) {
                throw c;
            }
            importer.discard();
            return "skipped chunk " + (chunk.index() + 1) + " at offset " + chunk.offset() + ": corrupt ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        } finally {
            if (!whole) {
                try {
                    Files.deleteIfExists(chunkFile);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private static void copyRange(Path from, long offset, long size, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long copied = 0;
            while (copied < size) {
                copied += in.transferTo(offset + copied, size - copied, out);
            }
        }
    }

    private static long sizeOf(Path file) throws JfrImportException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new JfrImportException(file + ": cannot be read (" + e + ")", e);
        }
    }
}
