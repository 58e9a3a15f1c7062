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
}
