package dev.vitals.model.jfr.internal;

import java.util.StringJoiner;

/**
 * A decoded composite value with its type, for the values the model keeps as text (interval
 * fields); field values are {@code Long}, {@code Double}, {@code Boolean}, {@code String}, arrays
 * ({@code Object[]}), nested structs or {@code null}.
 */
public record Struct(JfrType type, Object[] values) {
    private static final int MAX_TEXT = 200;

    /** A field's value by name, or {@code null} when the type has no such field. */
    public Object get(String field) {
        int index = type.fieldIndex(field);
        return index < 0 ? null : values[index];
    }

    /** A value as the model keeps it: Long, Double, Boolean, String or {@code null}. */
    public static Object simplify(Object value) {
        return switch (value) {
            case Struct s -> s.text();
            case Object[] array -> arrayText(array);
            case null, default -> value;
        };
    }

    /**
     * How a composite value reads: a thread by its name, a class by its name, a class loader by
     * its name (or its class's), a method as {@code Class.method}, a stack trace by its depth,
     * anything else as its fields on one line.
     */
    private String text() {
        if (type.fieldIndex("javaName") >= 0) {
            return get("javaName") != null ? (String) simplify(get("javaName")) : (String) simplify(get("osName"));
        }
        if (type.fieldIndex("frames") >= 0 && get("frames") instanceof Object[] frames) {
            return frames.length + " frames";
        }
        if (type.fieldIndex("descriptor") >= 0) {
            return simplify(get("type")) + "." + simplify(get("name"));
        }
        if (type.name().endsWith(".Class") && get("name") != null) {
            return String.valueOf(simplify(get("name"))).replace('/', '.');
        }
        if (type.name().endsWith(".ClassLoader")) {
            return get("name") != null ? String.valueOf(simplify(get("name"))) : String.valueOf(simplify(get("type")));
        }
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < values.length; i++) {
            joiner.add(type.fields().get(i).name() + " = " + simplify(values[i]));
        }
        return cut(joiner.toString());
    }

    private static String arrayText(Object[] array) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (Object element : array) {
            joiner.add(String.valueOf(simplify(element)));
            if (joiner.length() > MAX_TEXT) {
                break;
            }
        }
        return cut(joiner.toString());
    }

    private static String cut(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_TEXT ? line : line.substring(0, MAX_TEXT) + "…";
    }
}
