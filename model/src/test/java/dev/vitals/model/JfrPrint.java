package dev.vitals.model;

import dev.vitals.model.export.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Independent test-side computations from the JDK's {@code jfr print --json --stack-depth 256}. */
public final class JfrPrint {
    private JfrPrint() {
    }

    /**
     * The events of one type as parsed JSON objects ("type", "values"). Each chunk is printed from a
     * file of its own: the JDK's parser carries constant pools from one chunk to the next, which
     * mixes up the stacks of a file whose chunks come from different JVMs (demo-multichunk.jfr is
     * two recordings concatenated; {@code jfr print} on the whole file gives the second JVM's
     * samples the first JVM's stacks).
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> events(String recording, String eventType) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Path chunk : chunks(Recordings.path(recording))) {
            String json = Recordings.runJfr("print", "--json", "--stack-depth", "256", "--events", eventType,
                    chunk.toString());
            Map<String, Object> root = (Map<String, Object>) Json.parse(json);
            events.addAll((List<Map<String, Object>>) ((Map<String, Object>) root.get("recording")).get("events"));
        }
        return events;
    }

    /** The file itself if it has one chunk, else each chunk copied to a temporary file. */
    public static List<Path> chunks(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (buffer.getLong(8) == bytes.length) {
                return List.of(file);
            }
            List<Path> chunks = new ArrayList<>();
            for (int offset = 0; offset < bytes.length; ) {
                int size = (int) buffer.getLong(offset + 8);
                Path chunk = Files.createTempFile("jfrprint-", ".jfr");
                chunk.toFile().deleteOnExit();
                Files.write(chunk, Arrays.copyOfRange(bytes, offset, offset + size));
                chunks.add(chunk);
                offset += size;
            }
            return chunks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collapsed stacks (frames root first, counts) of the events of one type. */
    @SuppressWarnings("unchecked")
    public static Map<String, Long> collapsed(String recording, String eventType, boolean lines) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> event : events(recording, eventType)) {
            Map<String, Object> values = (Map<String, Object>) event.get("values");
            Map<String, Object> stackTrace = (Map<String, Object>) values.get("stackTrace");
            if (stackTrace == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (Object f : (List<Object>) stackTrace.get("frames")) {
                Map<String, Object> frame = (Map<String, Object>) f;
                Map<String, Object> method = (Map<String, Object>) frame.get("method");
                // jfr print writes internal class names (a/b/C); the collapsed format uses dots
                String className = ((String) ((Map<String, Object>) method.get("type")).get("name")).replace('/', '.');
                String name = className.isEmpty() ? (String) method.get("name") : className + "." + method.get("name");
                names.add(lines ? name + ":" + frame.get("lineNumber") : name);
            }
            if (names.isEmpty()) {
                continue;
            }
            Collections.reverse(names);
            out.merge(String.join(";", names), 1L, Long::sum);
        }
        return out;
    }
}
