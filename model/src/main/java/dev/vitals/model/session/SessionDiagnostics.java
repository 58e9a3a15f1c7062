package dev.vitals.model.session;

import dev.vitals.model.diagnostics.DiagnosticsJson;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.ThreadDump;
import dev.vitals.model.export.Json;
import dev.vitals.model.session.internal.BookmarkJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The thread dumps, heap histograms and snapshots taken during a session, in the order taken, each
 * possibly attached to a bookmark (the evidence an alert's actions took when it fired). Kept in the
 * session as {@code diagnostics/index.json} and one JSON entry per dump or histogram, in a
 * {@code .vitals} file and in a live session folder alike; a snapshot is a {@code .vitals} file of
 * its own under {@code snapshots/}, which the index names.
 */
public record SessionDiagnostics(List<Item> items) {
    /** The folder of the entries. */
    public static final String FOLDER = "diagnostics/";
    /** The folder of the snapshots. */
    public static final String SNAPSHOTS = "snapshots/";
    private static final String INDEX = FOLDER + "index.json";

    public SessionDiagnostics {
        items = List.copyOf(items);
    }

    public static SessionDiagnostics none() {
        return new SessionDiagnostics(List.of());
    }

    /** One thing taken: a dump, a histogram or a snapshot. */
    public sealed interface Item permits Dump, Histogram, Snapshot {
        /** The bookmark it is evidence for, or null when the user took it. */
        Bookmark bookmark();

        long takenEpochMillis();
    }

    /** A thread dump kept with the session. */
    public record Dump(ThreadDump dump, Bookmark bookmark) implements Item {
        @Override
        public long takenEpochMillis() {
            return dump.takenEpochMillis();
        }
    }

    /** A heap histogram kept with the session. */
    public record Histogram(HeapHistogram histogram, Bookmark bookmark) implements Item {
        @Override
        public long takenEpochMillis() {
            return histogram.takenEpochMillis();
        }
    }

    /**
     * A {@code .vitals} snapshot of the last {@code minutes} minutes, written when an alert fired:
     * the session's entry {@code entry} (under {@link #SNAPSHOTS}).
     */
    public record Snapshot(String entry, int minutes, long takenEpochMillis, Bookmark bookmark) implements Item {
        public Snapshot {
            if (!entry.startsWith(SNAPSHOTS) || entry.contains("..")) {
                throw new IllegalArgumentException("a snapshot's entry lies under " + SNAPSHOTS + ": " + entry);
            }
        }
    }

    public List<ThreadDump> threadDumps() {
        return items.stream().filter(Dump.class::isInstance).map(i -> ((Dump) i).dump()).toList();
    }

    public List<HeapHistogram> histograms() {
        return items.stream().filter(Histogram.class::isInstance).map(i -> ((Histogram) i).histogram()).toList();
    }

    public List<Snapshot> snapshots() {
        return items.stream().filter(Snapshot.class::isInstance).map(Snapshot.class::cast).toList();
    }

    /** The items attached to {@code bookmark}. */
    public List<Item> evidenceFor(Bookmark bookmark) {
        return items.stream().filter(i -> bookmark.equals(i.bookmark())).toList();
    }

    /**
     * Entry name → text: the index and one JSON entry per dump or histogram; empty when there is
     * nothing. (A snapshot's file is written by the alert that took it, and only named here.)
     */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return entries;
        }
        StringBuilder index = new StringBuilder("{\"items\": [");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String name = switch (item) {
                case Dump d -> FOLDER + String.format("threads-%04d.json", i + 1);
                case Histogram h -> FOLDER + String.format("histogram-%04d.json", i + 1);
                case Snapshot s -> s.entry();
            };
            switch (item) {
                case Dump d -> entries.put(name, DiagnosticsJson.write(d.dump()));
                case Histogram h -> entries.put(name, DiagnosticsJson.write(h.histogram()));
                case Snapshot s -> { }
            }
            Bookmark b = item.bookmark();
            index.append(i == 0 ? "\n  " : ",\n  ").append("{\"entry\": ").append(Json.quote(name))
                    .append(", \"kind\": ").append(switch (item) {
                        case Dump d -> "\"threads\"";
                        case Histogram h -> "\"histogram\"";
                        case Snapshot s -> "\"snapshot\", \"minutes\": " + s.minutes() + ", \"takenEpochMillis\": "
                                + s.takenEpochMillis();
                    })
                    .append(", \"bookmark\": ").append(b == null ? "null" : BookmarkJson.write(b))
                    .append('}');
        }
        entries.put(INDEX, index.append("\n]}\n").toString());
        return entries;
    }

    /** Reads entries back from their texts ({@code read} gives null for a missing entry). */
    @SuppressWarnings("unchecked")
    static SessionDiagnostics fromEntries(EntryReader read) throws IOException {
        String index = read.text(INDEX);
        if (index == null) {
            return none();
        }
        List<Item> items = new ArrayList<>();
        try {
            Map<String, Object> parsed = (Map<String, Object>) Json.parse(index);
            for (Object o : (List<Object>) parsed.get("items")) {
                Map<String, Object> e = (Map<String, Object>) o;
                String entry = (String) e.get("entry");
                Bookmark bookmark = e.get("bookmark") instanceof Map<?, ?> b
                        ? BookmarkJson.read(b, "fromNanos", "toNanos") : null;
                if ("snapshot".equals(e.get("kind"))) {
                    items.add(new Snapshot(entry, ((Long) e.get("minutes")).intValue(), (Long) e.get("takenEpochMillis"),
                            bookmark));
                    continue;
                }
                String text = read.text(entry);
                if (text == null) {
                    continue;
                }
                items.add("threads".equals(e.get("kind")) ? new Dump(DiagnosticsJson.readThreadDump(text), bookmark)
                        : new Histogram(DiagnosticsJson.readHistogram(text), bookmark));
            }
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(INDEX + " is damaged (" + e.getMessage() + ")", e);
        }
        return new SessionDiagnostics(items);
    }

    /** A session's entry as text, or null when absent. */
    @FunctionalInterface
    interface EntryReader {
        String text(String name) throws IOException;
    }

    /**
     * The diagnostics kept in a {@code .vitals} file or a live session folder (none when it has none).
     *
     * @throws IOException when the file cannot be read or its diagnostics are damaged
     */
    public static SessionDiagnostics read(Path session) throws IOException {
        if (Files.isDirectory(session)) {
            return fromEntries(name -> {
                Path file = session.resolve(name);
                return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
            });
        }
        try (ZipFile zip = new ZipFile(session.toFile())) {
            return fromEntries(name -> {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            });
        }
    }

    /** Replaces the {@code diagnostics/} folder of a live session folder with these items. */
    public void writeTo(Path folder) throws IOException {
        Path dir = folder.resolve(FOLDER);
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, String> entry : entries().entrySet()) {
            Files.writeString(folder.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
        }
    }
}
