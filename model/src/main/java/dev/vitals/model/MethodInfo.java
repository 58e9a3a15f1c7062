package dev.vitals.model;

/**
 * One row of the {@link MethodTable}.
 *
 * @param className   binary class name with dots ({@code a.b.Outer$Inner}); "" for native frames
 *                    that have no class (async-profiler)
 * @param methodName  method name (for native frames: the symbol as the recording names it)
 * @param descriptor  JVM descriptor, "" if unknown
 * @param modifiers   JVM access flags
 * @param hidden      a hidden frame (lambda proxy, method-handle holder)
 * @param packageName the class's package, "" if none
 */
public record MethodInfo(String className, String methodName, String descriptor, int modifiers, boolean hidden,
                         String packageName) {
    /**
     * The frame name used in call trees and the collapsed format: {@code className.methodName},
     * or the method name alone when the class name is empty.
     */
    public String frameName() {
        return className.isEmpty() ? methodName : className + "." + methodName;
    }
}
