package dev.vitals.model.session;

import dev.vitals.model.diagnostics.DiagnosticsJson;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.ThreadDump;
import dev.vitals.model.export.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The thread dumps and heap histograms taken during a session, in the order taken, each possibly
 * attached to a bookmark (the evidence an alert's actions took when it fired), and the actions each
 * alert rule takes when it fires live (by rule name). Kept in the session as
 * {@code diagnostics/index.json} and one JSON entry per item, in a {@code .vitals} file and in a
 * live session folder alike.
 */
public record SessionDiagnostics(List<Item> items, Map<String, Set<AlertAction>> alertActions) {
    /** The folder of the entries. */
    public static final String FOLDER = "diagnostics/";
    private static final String INDEX = FOLDER + "index.json";

    public SessionDiagnostics {
        items = List.copyOf(items);
        Map<String, Set<AlertAction>> actions = new TreeMap<>();
        alertActions.forEach((rule, set) -> {
            if (!set.isEmpty()) {
                actions.put(rule, Set.copyOf(set));
            }
        });
        alertActions = Collections.unmodifiableMap(actions);
    }

    public static SessionDiagnostics none() {
        return new SessionDiagnostics(List.of(), Map.of());
    }

    /** The actions of the rule named so (none when it has none). */
    public Set<AlertAction> actionsOf(String rule) {
        return alertActions.getOrDefault(rule, Set.of());
    }

    /** One thing taken: a dump or a histogram. */
    public sealed interface Item permits Dump, Histogram {
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

    public List<ThreadDump> threadDumps() {
        return items.stream().filter(Dump.class::isInstance).map(i -> ((Dump) i).dump()).toList();
    }

    public List<HeapHistogram> histograms() {
        return items.stream().filter(Histogram.class::isInstance).map(i -> ((Histogram) i).histogram()).toList();
    }

    /** The items attached to {@code bookmark}. */
    public List<Item> evidenceFor(Bookmark bookmark) {
        return items.stream().filter(i -> bookmark.equals(i.bookmark())).toList();
    }

    /** Entry name → text: the index and one JSON entry per item; empty when there is nothing. */
    public Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        if (items.isEmpty() && alertActions.isEmpty()) {
            return entries;
        }
        StringBuilder index = new StringBuilder("{\"alertActions\": {");
        alertActions.forEach((rule, actions) -> index.append(index.charAt(index.length() - 1) == '{' ? "" : ", ")
                .append(Json.quote(rule)).append(": ").append(actions.stream().sorted().map(a -> Json.quote(a.name()))
                        .collect(Collectors.joining(", ", "[", "]"))));
        index.append("},\n \"items\": [");
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String name = FOLDER + switch (item) {
                case Dump d -> String.format("threads-%04d.json", i + 1);
                case Histogram h -> String.format("histogram-%04d.json", i + 1);
            };
            entries.put(name, switch (item) {
                case Dump d -> DiagnosticsJson.write(d.dump());
                case Histogram h -> DiagnosticsJson.write(h.histogram());
            });
            Bookmark b = item.bookmark();
            index.append(i == 0 ? "\n  " : ",\n  ").append("{\"entry\": ").append(Json.quote(name))
                    .append(", \"kind\": ").append(item instanceof Dump ? "\"threads\"" : "\"histogram\"")
                    .append(", \"bookmark\": ").append(b == null ? "null" : "{\"fromNanos\": " + b.fromNanos()
                            + ", \"toNanos\": " + b.toNanos() + ", \"label\": " + Json.quote(b.label()) + "}")
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
        Map<String, Set<AlertAction>> actions = new TreeMap<>();
        try {
            Map<String, Object> parsed = (Map<String, Object>) Json.parse(index);
            ((Map<String, Object>) parsed.get("alertActions")).forEach((rule, names) -> actions.put(rule,
                    ((List<Object>) names).stream().map(n -> AlertAction.valueOf((String) n)).collect(Collectors.toSet())));
            for (Object o : (List<Object>) parsed.get("items")) {
                Map<String, Object> e = (Map<String, Object>) o;
                String text = read.text((String) e.get("entry"));
                if (text == null) {
                    continue;
                }
                Bookmark bookmark = e.get("bookmark") instanceof Map<?, ?> b ? new Bookmark((Long) b.get("fromNanos"),
                        (Long) b.get("toNanos"), (String) b.get("label")) : null;
                items.add("threads".equals(e.get("kind")) ? new Dump(DiagnosticsJson.readThreadDump(text), bookmark)
                        : new Histogram(DiagnosticsJson.readHistogram(text), bookmark));
            }
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new IOException(INDEX + " is damaged (" + e.getMessage() + ")", e);
        }
        return new SessionDiagnostics(items, actions);
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
