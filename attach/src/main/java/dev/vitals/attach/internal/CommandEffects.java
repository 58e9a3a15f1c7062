package dev.vitals.attach.internal;

import java.util.Map;
import java.util.Optional;

/**
 * What the diagnostic commands that change a JVM do, in one sentence each: the commands a user
 * should confirm before running. Every other command only reads.
 */
public final class CommandEffects {
    private static final Map<String, String> EFFECTS = Map.ofEntries(
            Map.entry("GC.run", "runs a full garbage collection, pausing the application"),
            Map.entry("GC.run_finalization", "runs pending finalizers"),
            Map.entry("GC.heap_dump", "writes every object on the heap to a file on the JVM's machine,"
                    + " pausing the application for seconds per gigabyte; the file is as large as the heap"),
            Map.entry("GC.class_histogram", "runs a full garbage collection first (unless -all), pausing the application"),
            Map.entry("VM.set_flag", "changes a JVM flag while the JVM runs"),
            Map.entry("VM.log", "changes the JVM's logging (what it logs and where)"),
            Map.entry("VM.unlock_commercial_features", "unlocks commercial features for good"),
            Map.entry("VM.cds", "writes a class-data sharing archive"),
            Map.entry("ManagementAgent.start", "opens a JMX port"),
            Map.entry("ManagementAgent.start_local", "starts the local JMX agent"),
            Map.entry("ManagementAgent.stop", "closes the JMX agent's port (remote connections through it end)"),
            Map.entry("JFR.start", "starts a flight recording"),
            Map.entry("JFR.stop", "stops a flight recording (maybe one Vitals streams from)"),
            Map.entry("JFR.configure", "changes the flight recorder's configuration"),
            Map.entry("JFR.dump", "writes a flight recording to a file on the JVM's machine"),
            Map.entry("JVMTI.agent_load", "loads a native or Java agent into the JVM"),
            Map.entry("JVMTI.data_dump", "asks loaded agents to dump their data"),
            Map.entry("Compiler.directives_add", "changes the JIT compiler's directives"),
            Map.entry("Compiler.directives_remove", "changes the JIT compiler's directives"),
            Map.entry("Compiler.directives_clear", "changes the JIT compiler's directives"),
            Map.entry("System.trim_native_heap", "returns free native memory to the operating system"),
            Map.entry("System.dump_map", "writes the JVM's memory map to a file"),
            Map.entry("Thread.dump_to_file", "writes a thread dump to a file on the JVM's machine"));

    private CommandEffects() {
    }

    /** What the command changes, when it changes anything. */
    public static Optional<String> of(String command) {
        return Optional.ofNullable(EFFECTS.get(command));
    }
}
