package dev.vitals.model.jfr;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.internal.ChunkDecoder;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.jfr.internal.ChunkScanner.Chunk;
import dev.vitals.model.jfr.internal.ChunkScanner.Scan;
import dev.vitals.model.jfr.internal.CompressedInput;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Imports JFR recordings (JDK 9 to 25, OpenJDK 8u262+, async-profiler, multi-chunk files, the raw
 * chunks of a session; plain, gzip, zip or LZ4-compressed, recognised by their first bytes) into a
 * {@link Profile}, chunk by chunk, with Vitals' own decoder ({@link ChunkDecoder}) writing the
 * model's tables through the one {@link ProfileImporter}.
 *
 * <p>Each chunk becomes one published batch. An event that does not decode is skipped and counted
 * per type; a truncated chunk keeps its events up to the cut; a chunk that cannot be read at all or
 * bytes that are not a chunk are skipped; each with a warning in the model's
 * {@link dev.vitals.model.RecordingInfo#warnings()}. If nothing at all can be read, a
 * {@link JfrImportException} says why in one sentence, naming the file. Cancellation ends the
 * import with a {@link CancellationException}.
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
            long fileSize = sizeOf(file);
            try (CompressedInput input = CompressedInput.open(file)) {
                if (input.problem() != null) {
                    String problem = file + ": " + input.problem();
                    if (files.size() == 1) {
                        throw new JfrImportException(problem);
                    }
                    importer.warn(problem + "; skipped");
                    firstProblem = firstProblem == null ? problem : firstProblem;
                    done += fileSize;
                    continue;
                }
                for (Path recording : input.recordings()) {
                    Scan scan = ChunkScanner.scan(recording);
                    // progress counts the file's bytes; a decompressed recording is scaled onto them
                    double scale = (double) fileSize / Math.max(1, scan.fileSize()) / input.recordings().size();
                    if (scan.fatal() != null) {
                        String problem = file + ": " + scan.fatal();
                        if (files.size() == 1 && input.recordings().size() == 1) {
                            throw new JfrImportException(problem);
                        }
                        importer.warn(problem + "; skipped");
                        firstProblem = firstProblem == null ? problem : firstProblem;
                        continue;
                    }
                    long base = done;
                    for (Chunk chunk : scan.chunks()) {
                        long chunkBase = base + (long) (chunk.offset() * scale);
                        long reportedTotal = total;
                        String failure = importChunk(importer, file, recording, chunk, cancelled,
                                reached -> progress.update(Math.min(chunkBase + (long) (reached * scale), reportedTotal),
                                        reportedTotal));
                        if (failure == null) {
                            imported++;
                        } else {
                            importer.warn(file + ": " + failure);
                            firstProblem = firstProblem == null ? file + ": " + failure : firstProblem;
                        }
                        progress.update(Math.min(base + (long) ((chunk.offset() + chunk.available()) * scale), total),
                                total);
                    }
                    for (String problem : scan.problems()) {
                        importer.warn(file + ": " + problem);
                        firstProblem = firstProblem == null ? file + ": " + problem : firstProblem;
                    }
                }
            } catch (IOException e) {
                throw new JfrImportException(file + ": cannot be read (" + e.getMessage() + ")", e);
            }
            done += fileSize;
        }
        progress.update(total, total);
        if (imported == 0) {
            throw new JfrImportException(firstProblem != null ? firstProblem + "; nothing could be imported"
                    : source + ": no recording data");
        }
        importer.publish();
        return importer.profile();
    }

    /** Imports one chunk as one batch; returns {@code null} on success or why the chunk was skipped. */
    private static String importChunk(ProfileImporter importer, Path file, Path recording, Chunk chunk,
                                      BooleanSupplier cancelled, LongConsumer reached)
            throws IOException {
        String where = "chunk " + (chunk.index() + 1) + " at offset " + chunk.offset();
        String cut = chunk.whole() ? "" : "truncated (" + chunk.available() + " bytes of " + chunk.size() + ")";
        ChunkDecoder.Result result;
        try (FileChannel channel = FileChannel.open(recording, StandardOpenOption.READ)) {
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, chunk.offset(), chunk.available());
            result = ChunkDecoder.decode(bytes, (int) chunk.available(), chunk.header(), importer.store(), cancelled,
                    position -> reached.accept(position));
        } catch (CancellationException e) {
            importer.discard();
            throw new CancellationException("import of " + file + " cancelled");
        } catch (RuntimeException | StackOverflowError e) {
            importer.discard();
            return "skipped " + where + ": " + (cut.isEmpty() ? "corrupt (" : cut + ", nothing readable before the cut (")
                    + e.getMessage() + ")";
        }
        importer.take(result, chunk.header(), file + ": " + where);
        if (result.decodedEnd() < chunk.size()) {
            importer.warn(file + ": " + where + ": " + (cut.isEmpty() ? "damaged" : cut) + "; kept its records up to offset "
                    + result.decodedEnd() + ", lost the last " + (chunk.size() - result.decodedEnd()) + " bytes");
        }
        importer.noteChunk(chunk.header().startNanos(), chunk.header().durationNanos());
        importer.publish();
        return null;
    }

    private static long sizeOf(Path file) throws JfrImportException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new JfrImportException(file + ": cannot be read (" + e + ")", e);
        }
    }
}
