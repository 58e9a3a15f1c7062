package dev.vitals.model.jfr;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.internal.ChunkDecoder;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.jfr.internal.ChunkScanner.Scan;
import dev.vitals.model.jfr.internal.CompressedInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

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
        return importFiles(source, files, progress, cancelled, ChunkImports.defaultParallelism());
    }

    /** {@link #importFiles(String, List, ImportProgress, BooleanSupplier)} with at most {@code parallelism} decoding threads. */
    static Profile importFiles(String source, List<Path> files, ImportProgress progress, BooleanSupplier cancelled,
                               int parallelism) throws JfrImportException {
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
                    long reportedTotal = total;
                    List<String> failures = ChunkImports.importChunks(importer, file, recording, scan.chunks(),
                            parallelism, cancelled, bytes -> progress.update(
                                    Math.min(base + (long) (bytes * scale), reportedTotal), reportedTotal));
                    for (String failure : failures) {
                        if (failure == null) {
                            imported++;
                        } else {
                            firstProblem = firstProblem == null ? file + ": " + failure : firstProblem;
                        }
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

    private static long sizeOf(Path file) throws JfrImportException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new JfrImportException(file + ": cannot be read (" + e + ")", e);
        }
    }
}
