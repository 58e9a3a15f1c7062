package dev.vitals.model.diagnostics;

import java.util.List;

/**
 * One frame of a dumped thread's stack, top first in {@link DumpedThread#stack()}.
 *
 * @param className   the declaring class
 * @param method      the method's name
 * @param file        the source file, or empty when unknown
 * @param line        the line number; −1 unknown, −2 a native method
 * @param lockedHere  monitors this frame entered and still holds
 */
public record StackFrame(String className, String method, String file, int line, List<LockRef> lockedHere) {
    public StackFrame {
        lockedHere = List.copyOf(lockedHere);
    }

    public boolean nativeMethod() {
        return line == -2;
    }

    /** {@code pkg.Class.method(File.java:12)}, as {@code jstack} writes a frame. */
    public String text() {
        String where;
        if (nativeMethod()) {
            where = "Native Method";
        } else if (file.isEmpty()) {
            where = "Unknown Source";
        } else {
            where = line >= 0 ? file + ":" + line : file;
        }
        return className + "." + method + "(" + where + ")";
    }
}
