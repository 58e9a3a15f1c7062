package dev.vitals.app.cli;

import java.util.List;
import java.util.stream.Collectors;

/** JSON literals for the command line's own output (the model writes its exports itself). */
final class JsonText {
    private JsonText() {
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON array of strings. */
    static String array(List<String> items) {
        return items.stream().map(JsonText::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
