package dev.vitals.model.diagnostics;

/**
 * One class of a {@link HeapHistogram}.
 *
 * @param className the class as the JVM names it ({@code [B}, {@code java.lang.String}, {@code dev.vitals.demo.Leak})
 * @param module    its module and version ({@code java.base@25.0.1}), empty when the JVM did not say (unnamed modules, JDK 8)
 * @param instances how many objects
 * @param bytes     their shallow size
 */
public record HistogramRow(String className, String module, long instances, long bytes) {
    /**
     * A class name as the JVM gives it, as Java source writes it: an array's descriptor becomes its
     * element type with brackets ({@code [B} is {@code byte[]}, {@code [[Ljava.lang.String;} is
     * {@code java.lang.String[][]}); any other name, or a descriptor it does not know, is returned as it is.
     */
    public static String javaName(String className) {
        int dims = 0;
        while (dims < className.length() && className.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == className.length()) {
            return className;
        }
        String element = className.substring(dims);
        String type = switch (element) {
            case "B" -> "byte";
            case "C" -> "char";
            case "D" -> "double";
            case "F" -> "float";
            case "I" -> "int";
            case "J" -> "long";
            case "S" -> "short";
            case "Z" -> "boolean";
            default -> element.length() > 2 && element.startsWith("L") && element.endsWith(";")
                    ? element.substring(1, element.length() - 1) : null;
        };
        return type == null ? className : type + "[]".repeat(dims);
    }
}
