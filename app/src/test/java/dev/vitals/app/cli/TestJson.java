package dev.vitals.app.cli;

import dev.vitals.model.export.Json;
import java.util.List;
import java.util.Map;

/** Typed views of the model's strict JSON reader, for asserting on the command line's output. */
final class TestJson {
    private TestJson() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(String text) {
        return (List<Object>) Json.parse(text);
    }
}
