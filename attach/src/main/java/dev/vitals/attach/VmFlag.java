package dev.vitals.attach;

/**
 * One JVM flag ({@code -XX:} option) with where its value came from.
 *
 * @param name   the flag's name
 * @param type   its type as the JVM names it ({@code bool}, {@code size_t}, {@code ccstr}…), empty when not known
 * @param value  its value as text
 * @param origin where the value came from: {@code default}, {@code command line}, {@code ergonomic},
 *               {@code management}, {@code attach}, {@code environment}, {@code config file}…, as the JVM says it
 * @param kinds  the JVM's kinds for it ({@code product}, {@code manageable}, {@code diagnostic}…), empty when not known
 */
public record VmFlag(String name, String type, String value, String origin, String kinds) {
    /** Whether something other than the JVM's default set it. */
    public boolean set() {
        return !origin.equals("default");
    }
}
