package dev.vitals.model;

/**
 * One row of the {@link ThreadTable}.
 *
 * @param javaId  the Java thread id, 0 for a thread that has none
 * @param osId    the OS thread id, 0 if unknown
 * @param name    the Java name, else the OS name, else "thread-" + id
 * @param virtual a virtual thread
 */
public record ThreadInfo(long javaId, long osId, String name, boolean virtual) {
}
