package dev.vitals.attach.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java runtime as its {@code release} file describes it.
 *
 * @param vendor  {@code IMPLEMENTOR}, "" if unknown
 * @param version {@code JAVA_VERSION}, "" if unknown
 * @param feature feature release parsed from the version (8 for "1.8.0_402"), 0 if unknown
 * @param modules the {@code MODULES} list; empty if unknown (then nothing is assumed missing)
 */
public record JavaRuntime(String vendor, String version, int feature, List<String> modules) {
    public static final JavaRuntime UNKNOWN = new JavaRuntime("", "", 0, List.of());

    /** Reads the runtime that holds this {@code bin/java} executable. */
    public static JavaRuntime of(Path launcher) {
        Path bin = launcher.getParent();
        Path home = bin == null ? null : bin.getParent();
        if (home == null) {
            return UNKNOWN;
        }
        for (Path release : new Path[] {home.resolve("release"), home.resolveSibling("release")}) {
            try {
                return parse(Files.readAllLines(release, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // try the next candidate: a JDK 8 JRE keeps its release file one level up
            }
        }
        return UNKNOWN;
    }

    static JavaRuntime parse(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim().replace("\"", ""));
            }
        }
        String version = values.getOrDefault("JAVA_VERSION", "");
        String modules = values.getOrDefault("MODULES", "");
        return new JavaRuntime(values.getOrDefault("IMPLEMENTOR", ""), version, feature(version),
                modules.isBlank() ? List.of() : List.of(modules.trim().split("\\s+")));
    }

    /** Feature release of a {@code java.version} string: "25.0.3" is 25, "1.8.0_402" is 8, "" is 0. */
    public static int feature(String version) {
        String v = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }

    /** True only if the module list is known and does not contain the module. */
    public boolean lacksModule(String module) {
        return !modules.isEmpty() && !modules.contains(module);
    }
}
