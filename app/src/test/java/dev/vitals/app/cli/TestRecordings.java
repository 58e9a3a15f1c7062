package dev.vitals.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The model's committed test recordings of the demo workload and their golden {@code jfr summary} output. */
final class TestRecordings {
    static final Path FOLDER = Path.of("../model/src/test/resources/recordings").toAbsolutePath().normalize();
    static final List<String> ALL = List.of("demo-jdk25-default", "demo-jdk25-profile", "demo-jdk17-default",
            "demo-asprof", "demo-multichunk");

    private TestRecordings() {
    }

    static Path path(String name) {
        return FOLDER.resolve(name + ".jfr");
    }

    /** The per-type counts of the JDK's {@code jfr summary} table (a type listed once per chunk's metadata is summed). */
    static Map<String, Long> goldenCounts(String name) {
        try {
            Map<String, Long> counts = new TreeMap<>();
            boolean table = false;
            for (String line : Files.readAllLines(FOLDER.resolve(name + ".summary.txt"))) {
                String[] parts = line.trim().split("\\s+");
                if (line.startsWith("====")) {
                    table = true;
                } else if (table && parts.length == 3) {
                    counts.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
                }
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
