package dev.vitals.attach;

import jdk.jfr.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of JFR settings ({@code event#setting} keys, as {@code RemoteRecordingStream.setSettings}
 * takes them): Vitals' built-in {@code default} and {@code detailed} profiles, or a user's {@code .jfc}.
 * Custom events that a profile does not mention keep their own defaults (on, for the demo's
 * {@code dev.vitals.demo.Request}).
 *
 * @param name     "default", "detailed", or the file's name
 * @param settings the settings, in the order of the {@code .jfc}
 */
public record SettingsProfile(String name, Map<String, String> settings) {
    /** The built-in profiles, in the order a user is offered them. */
    public static final List<String> BUILT_IN = List.of("default", "detailed");

    public SettingsProfile {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Vitals' low-overhead live profile. */
    public static SettingsProfile defaults() {
        return builtIn("default");
    }

    /** One of {@link #BUILT_IN}. */
    public static SettingsProfile builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("no built-in settings profile '" + name + "'; there are " + BUILT_IN);
        }
        try (InputStream in = SettingsProfile.class.getResourceAsStream("settings/" + name + ".jfc")) {
            if (in == null) {
                throw new IllegalStateException("settings/" + name + ".jfc is missing from the attach module");
            }
            return parse(name, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("built-in settings profile '" + name + "' is broken: " + e.getMessage(), e);
        }
    }

    /** A user's {@code .jfc} file. */
    public static SettingsProfile fromFile(Path jfc) throws IOException, ParseException {
        try (Reader reader = Files.newBufferedReader(jfc, StandardCharsets.UTF_8)) {
            return parse(jfc.getFileName().toString(), reader);
        }
    }

    /** A built-in profile by name, else a {@code .jfc} file by path: what a {@code --settings} option takes. */
    public static SettingsProfile resolve(String nameOrFile) throws IOException, ParseException {
        return BUILT_IN.contains(nameOrFile) ? builtIn(nameOrFile) : fromFile(Path.of(nameOrFile));
    }

    /** This profile with some settings added or replaced. */
    public SettingsProfile with(Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.putAll(changes);
        return new SettingsProfile(name, merged);
    }

    /**
     * Settings that trace every invocation of the methods a JDK 25 {@code jdk.MethodTrace} filter
     * names (for example {@code com.example.Foo::bar}), with stack traces.
     */
    public static Map<String, String> methodTrace(String filter) {
        return Map.of("jdk.MethodTrace#enabled", "true",
                "jdk.MethodTrace#filter", filter,
                "jdk.MethodTrace#threshold", "0 ms",
                "jdk.MethodTrace#stackTrace", "true");
    }

    private static SettingsProfile parse(String name, Reader reader) throws IOException, ParseException {
        return new SettingsProfile(name, Configuration.create(reader).getSettings());
    }
}
