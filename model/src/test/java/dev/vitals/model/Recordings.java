package dev.vitals.model;

import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The committed test recordings, imported once per test run. */
public final class Recordings {
    /** Every committed recording. */
    public static final List<String> ALL = List.of("demo-jdk25-default", "demo-jdk25-profile", "demo-jdk17-default",
            "demo-asprof", "demo-multichunk");
    /** The JDK 25 jfr tool. */
    public static final Path JFR = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr");
    private static final Map<String, Profile> CACHE = new ConcurrentHashMap<>();

    private Recordings() {
    }

    /** The path of a recording by name (without .jfr). */
    public static Path path(String name) {
        return Path.of("src/test/resources/recordings", name + ".jfr").toAbsolutePath();
    }

    /** The imported model of a recording. */
    public static ProfileSnapshot snapshot(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return JfrFiles.importFile(path(n));
            } catch (JfrImportException e) {
                throw new IllegalStateException(e);
            }
        }).snapshot();
    }

    /** The per-type counts of the committed golden {@code jfr summary} output. */
    public static Map<String, Long> goldenCounts(String name) {
        try {
            return summaryCounts(Files.readAllLines(path(name).resolveSibling(name + ".summary.txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The per-type counts of {@code jfr summary} output, summed per type name. */
    public static Map<String, Long> summaryCounts(List<String> summary) {
        Map<String, Long> counts = new TreeMap<>();
        boolean table = false;
        for (String line : summary) {
            if (line.startsWith("====")) {
                table = true;
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            if (table && parts.length == 3) {
                // a type defined by two JVMs (two chunks) is listed once per definition
                counts.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
            }
        }
        return counts;
    }

    /** Runs the JDK 25 jfr tool and returns its standard output. */
    public static String runJfr(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(JFR.toString());
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jfr " + String.join(" ", args) + " failed");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
