package dev.vitals.attach;

import java.time.Duration;
import java.util.List;

/**
 * One local JVM as discovery sees it, without attaching to it. Every component is a plain value
 * (numbers, strings, a list of strings, an enum), so the record serialises to JSON as it is.
 *
 * @param pid              operating-system process id
 * @param name             main class, or the jar's file name for {@code -jar}, or the module's main class
 * @param arguments        application arguments after the main class or jar
 * @param jvmArguments     JVM options before the main class, including those from
 *                         {@code JAVA_TOOL_OPTIONS} / {@code JDK_JAVA_OPTIONS} when readable
 * @param jdkVendor        implementor from the runtime's {@code release} file, "" if unknown
 * @param jdkVersion       {@code JAVA_VERSION} from the runtime's {@code release} file, "" if unknown
 * @param jdkFeature       feature release (17, 25), 0 if unknown
 * @param startEpochMillis process start time, 0 if unknown
 * @param uptimeMillis     uptime when this snapshot was taken, 0 if unknown
 * @param user             owner of the process
 * @param access           what Vitals can do with it
 * @param attachable       {@code access != NONE}
 * @param reason           one sentence why access is limited or refused; "" when Vitals can stream
 * @param self             this JVM is Vitals itself (listed, not offered)
 */
public record JvmDescriptor(
        long pid,
        String name,
        List<String> arguments,
        List<String> jvmArguments,
        String jdkVendor,
        String jdkVersion,
        int jdkFeature,
        long startEpochMillis,
        long uptimeMillis,
        String user,
        Access access,
        boolean attachable,
        String reason,
        boolean self) {

    public JvmDescriptor {
        arguments = List.copyOf(arguments);
        jvmArguments = List.copyOf(jvmArguments);
    }

    public Duration uptime() {
        return Duration.ofMillis(uptimeMillis);
    }

    /** The uptime at {@code nowEpochMillis}: counted from the start time, or as of this snapshot when that is unknown. */
    public Duration uptimeAt(long nowEpochMillis) {
        return startEpochMillis == 0 ? uptime() : Duration.ofMillis(Math.max(0, nowEpochMillis - startEpochMillis));
    }
}
