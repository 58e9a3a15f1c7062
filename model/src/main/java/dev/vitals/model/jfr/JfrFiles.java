package dev.vitals.model.jfr;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.internal.ChunkDecoder;
import dev.vitals.model.jfr.ChunkImports.Decode;
import dev.vitals.model.jfr.ChunkImports.Step;
import dev.vitals.model.jfr.ChunkImports.Warn;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.jfr.internal.ChunkScanner.Chunk;
import dev.vitals.model.jfr.internal.ChunkScanner.Scan;
import dev.vitals.model.jfr.internal.CompressedInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<CompressedInput> inputs = new ArrayList<>();
        try {
            List<Step> steps = new ArrayList<>();
            for (Path file : files) {
                try {
                    addSteps(file, files.size() == 1, inputs, steps);
                } catch (IOException e) {
                    throw new JfrImportException(file + ": cannot be read (" + e.getMessage() + ")", e);
                }
            }
            long reportedTotal = total;
            List<String> failures = ChunkImports.run(importer, steps, parallelism, cancelled,
                    done -> progress.update(Math.min(done, reportedTotal), reportedTotal));
            progress.update(total, total);
            int imported = 0;
            String firstProblem = null;
            for (int i = 0; i < steps.size(); i++) {
                String failure = failures.get(i);
                String problem = switch (steps.get(i)) {
                    case Warn warn -> warn.problem();
                    case Decode decode when failure != null -> decode.file() + ": " + failure;
                    case Decode _ -> {
                        imported++;
                        yield null;
                    }
                };
                firstProblem = firstProblem == null ? problem : firstProblem;
            }
            if (imported == 0) {
                throw new JfrImportException(firstProblem != null ? firstProblem + "; nothing could be imported"
                        : source + ": no recording data");
            }
        } finally {
            inputs.forEach(CompressedInput::close);
        }
        importer.publish();
        return importer.profile();
    }

    /**
     * Opens a file (expanding it when compressed), finds its chunks and adds a step per chunk and
     * per problem, in file order; a problem that leaves nothing of the only file ends the import.
     */
    private static void addSteps(Path file, boolean onlyFile, List<CompressedInput> inputs, List<Step> steps)
            throws IOException, JfrImportException {
        long fileSize = sizeOf(file);
        CompressedInput input = CompressedInput.open(file);
        inputs.add(input);
        if (input.problem() != null) {
            String problem = file + ": " + input.problem();
            if (onlyFile) {
                throw new JfrImportException(problem);
            }
            steps.add(new Warn(problem + "; skipped", problem, fileSize));
            return;
        }
        for (Path recording : input.recordings()) {
            Scan scan = ChunkScanner.scan(recording);
            // progress counts the file's bytes; a decompressed recording is scaled onto them
            double scale = (double) fileSize / Math.max(1, scan.fileSize()) / input.recordings().size();
            if (scan.fatal() != null) {
                String problem = file + ": " + scan.fatal();
                if (onlyFile && input.recordings().size() == 1) {
                    throw new JfrImportException(problem);
                }
                steps.add(new Warn(problem + "; skipped", problem, (long) (scan.fileSize() * scale)));
                continue;
            }
            for (Chunk chunk : scan.chunks()) {
                steps.add(new Decode(file, recording, chunk, scale));
            }
            for (String problem : scan.problems()) {
                steps.add(new Warn(file + ": " + problem, file + ": " + problem, 0));
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
