package dev.vitals.attach;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A JVM's configuration read live: flags, system properties, arguments, uptime and the JFR
 * recordings running in it with their settings.
 *
 * @param flags            the JVM's flags: all of them with their origin, or with {@code allFlags} false
 *                         only the manageable ones (all a read-only JMX user can read)
 * @param allFlags         whether {@code flags} is every flag
 * @param systemProperties the system properties, sorted by name
 * @param inputArguments   the JVM's own arguments ({@code -Xmx…}, {@code -D…})
 * @param uptime           time since the JVM started
 * @param recordings       JFR recordings in the JVM
 */
public record JvmFacts(List<VmFlag> flags, boolean allFlags, Map<String, String> systemProperties,
                       List<String> inputArguments, Duration uptime, List<Recording> recordings) {
    public JvmFacts {
        flags = List.copyOf(flags);
        systemProperties = Map.copyOf(systemProperties);
        inputArguments = List.copyOf(inputArguments);
        recordings = List.copyOf(recordings);
    }

    /**
     * A JFR recording in the JVM with the settings in force.
     *
     * @param id       its id
     * @param name     its name
     * @param state    NEW, DELAYED, RUNNING, STOPPED or CLOSED
     * @param settings event setting → value ({@code jdk.ExecutionSample#period} → {@code 20 ms})
     */
    public record Recording(long id, String name, String state, Map<String, String> settings) {
        public Recording {
            settings = Map.copyOf(settings);
        }
    }
}
