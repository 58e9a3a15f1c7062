package dev.vitals.model.diagnostics;

import java.util.Locale;

/**
 * A lock as a thread dump names it: the class of the object and its identity hash (JMX gives no
 * address, so the hash stands where {@code jstack} prints one).
 */
public record LockRef(String className, int identityHash) {
    /** {@code <0x0000abcd> (a java.lang.Object)}, as {@code jstack} writes a lock. */
    public String text() {
        return String.format(Locale.ROOT, "<0x%08x> (a %s)", identityHash, className);
    }
}
