package dev.vitals.app.cli;

import dev.vitals.model.Profile;
import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * {@code .vitals} session files as the command line writes and reads them: a zip holding
 * {@code manifest.json} (with {@code "format": 1}) and the session's raw JFR chunks as
 * {@code recording/NNNN.jfr}, oldest first. Reading imports the chunks in that order into one model.
 */
final class SessionArchive {
    static final int FORMAT = 1;
    static final String MANIFEST = "manifest.json";
    static final String RECORDING = "recording/";
    private static final Pattern FORMAT_FIELD = Pattern.compile("\"format\"\\s*:\\s*(\\d+)");

    private SessionArchive() {
    }

    /**
     * Writes a session: first to a temporary file beside {@code out}, then moved into place, so
     * {@code out} is either the whole session or untouched.
     */
    static void write(Path out, String manifestJson, List<Path> chunks) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".vitals-", ".partial");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifestJson.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (int i = 0; i < chunks.size(); i++) {
                    zip.putNextEntry(new ZipEntry(RECORDING + String.format("%04d.jfr", i + 1)));
                    Files.copy(chunks.get(i), zip);
                    zip.closeEntry();
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Imports a session's chunks into one model whose source is the session file. */
    static Profile open(Path file) throws IOException, JfrImportException {
        Path folder = Files.createTempDirectory("vitals-session-");
        try {
            List<Path> chunks = extract(file, folder);
            return JfrFiles.importFiles(file.toString(), chunks, ImportProgress.NONE, () -> false);
        } finally {
            deleteFolder(folder);
        }
    }

    /** Deletes a temporary folder and everything in it. */
    static void deleteFolder(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<Path> extract(Path file, Path folder) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifest = zip.getEntry(MANIFEST);
            if (manifest == null) {
                throw new IOException(file + ": not a Vitals session (it has no " + MANIFEST + ")");
            }
            int format = format(file, new String(zip.getInputStream(manifest).readAllBytes(), StandardCharsets.UTF_8));
            if (format > FORMAT) {
                throw new IOException(file + ": written by a newer Vitals (session format " + format
                        + "); this one reads format " + FORMAT);
            }
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(e -> e.getName().startsWith(RECORDING) && e.getName().endsWith(".jfr"))
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            if (entries.isEmpty()) {
                throw new IOException(file + ": the session holds no recording");
            }
            List<Path> chunks = new ArrayList<>();
            for (ZipEntry entry : entries) {
                Path chunk = folder.resolve(String.format("%04d.jfr", chunks.size() + 1));
                try (InputStream in = zip.getInputStream(entry); OutputStream to = Files.newOutputStream(chunk)) {
                    in.transferTo(to);
                }
                chunks.add(chunk);
            }
            return chunks;
        } catch (ZipException e) {
            throw new IOException(file + ": not a Vitals session (not a readable zip: " + e.getMessage() + ")", e);
        }
    }

    private static int format(Path file, String manifest) throws IOException {
        Matcher m = FORMAT_FIELD.matcher(manifest);
        if (!m.find()) {
            throw new IOException(file + ": not a Vitals session (its " + MANIFEST + " has no format)");
        }
        return Integer.parseInt(m.group(1));
    }
}
