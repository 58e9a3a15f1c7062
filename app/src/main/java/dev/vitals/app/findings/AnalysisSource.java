package dev.vitals.app.findings;

import dev.vitals.analysis.AnalysisException;
import dev.vitals.analysis.AnalysisProgress;
import dev.vitals.analysis.RecordingAnalyzer;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.session.SessionFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an analysis reads for a file the user opened: a {@code .jfr} recording (plain or gzip) as
 * it is; a {@code .vitals} session's chunks, unpacked to a temporary folder for the time of the
 * analysis; a live session's folder, its {@code recording/} chunks.
 */
public final class AnalysisSource {
    /** Threads for an analysis the user waits for on the command line. */
    public static final int CLI_THREADS = Runtime.getRuntime().availableProcessors();

    private AnalysisSource() {
    }

    /** Analyses the recording, session or session folder {@code file}. */
    public static Findings analyze(Path file, int threads, AnalysisProgress progress, BooleanSupplier cancelled)
            throws IOException, AnalysisException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        RecordingAnalyzer analyzer = new RecordingAnalyzer(threads);
        if (Files.isDirectory(file)) {
            return analyzer.analyze(chunksIn(file.resolve(SessionFile.RECORDING)), progress, cancelled);
        }
        if (!file.getFileName().toString().endsWith(".vitals")) {
            return analyzer.analyze(List.of(file), progress, cancelled);
        }
        Path work = Files.createTempDirectory("vitals-analysis-");
        try {
            return analyzer.analyze(unpackChunks(file, work), progress, cancelled);
        } finally {
            deleteTree(work);
        }
    }

    /** The chunk files of a session folder's {@code recording/}, in name order. */
    public static List<Path> chunksIn(Path recordingDir) throws IOException {
        if (!Files.isDirectory(recordingDir)) {
            throw new NoSuchFileException(recordingDir.toString(), null, "the session folder has no recorded chunks");
        }
        try (Stream<Path> files = Files.list(recordingDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jfr")).sorted().toList();
        }
    }

    private static List<Path> unpackChunks(Path session, Path work) throws IOException {
        List<Path> chunks = new ArrayList<>();
        try (ZipFile zip = new ZipFile(session.toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith(SessionFile.RECORDING)).toList()) {
                Path chunk = work.resolve(String.format("chunk-%04d.jfr", chunks.size() + 1));
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, chunk);
                }
                chunks.add(chunk);
            }
        }
        if (chunks.isEmpty()) {
            throw new IOException(session + ": the session holds no recorded chunks");
        }
        return chunks;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
