package dev.vitals.app.ui.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/** MBean values as text, and typed arguments read from text, for the MBean browser. */
final class MBeanValues {
    private MBeanValues() {
    }

    /** A value as one line: arrays and composite data spelled out, tables by their size. */
    static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof CompositeData data) {
            return data.getCompositeType().keySet().stream().map(k -> k + "=" + text(data.get(k)))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof TabularData table) {
            return table.size() + " rows";
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(MBeanValues::text).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value.getClass().isArray()) {
            return switch (value) {
                case long[] a -> Arrays.toString(a);
                case int[] a -> Arrays.toString(a);
                case double[] a -> Arrays.toString(a);
                case boolean[] a -> Arrays.toString(a);
                case byte[] a -> a.length + " bytes";
                default -> value.getClass().getComponentType().getSimpleName() + "[]";
            };
        }
        return value.toString();
    }

    /** Whether an operation's parameter of this type can be typed in as text. */
    static boolean typeable(String type) {
        return switch (type) {
            case "int", "java.lang.Integer", "long", "java.lang.Long", "boolean", "java.lang.Boolean", "double",
                 "java.lang.Double", "float", "java.lang.Float", "short", "java.lang.Short", "java.lang.String" -> true;
            default -> false;
        };
    }

    /**
     * The text as a value of {@code type}.
     *
     * @throws IllegalArgumentException with a sentence naming the parameter when the text is not such a value
     */
    static Object parse(String text, String type, String parameter) {
        String t = text.strip();
        try {
            return switch (type) {
                case "int", "java.lang.Integer" -> Integer.parseInt(t);
                case "long", "java.lang.Long" -> Long.parseLong(t);
                case "short", "java.lang.Short" -> Short.parseShort(t);
                case "double", "java.lang.Double" -> Double.parseDouble(t);
                case "float", "java.lang.Float" -> Float.parseFloat(t);
                case "boolean", "java.lang.Boolean" -> {
                    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                        throw new NumberFormatException();
                    }
                    yield Boolean.parseBoolean(t);
                }
                case "java.lang.String" -> text;
                default -> throw new IllegalArgumentException(parameter + " is a " + type + ", which cannot be typed in here.");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(parameter + " needs a " + simple(type) + ", not '" + text + "'.");
        }
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
