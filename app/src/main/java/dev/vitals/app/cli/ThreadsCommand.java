package dev.vitals.app.cli;

import dev.vitals.attach.Connection;
import dev.vitals.attach.Diagnostics;
import dev.vitals.model.diagnostics.DiagnosticsJson;
import dev.vitals.model.diagnostics.ThreadDump;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vitals threads (--pid PID | --jmx HOST:PORT …) [--json]}: a thread dump of a running JVM in
 * the layout of {@code jstack -l}, deadlocks at the end. Exit code 3 when the JVM has a deadlock.
 */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = {"Print a thread dump of a running JVM (as jstack -l), with its deadlocks.",
                "Exit code 3 when a deadlock is found, 1 on an error, 2 on a usage error."})
final class ThreadsCommand implements Callable<Integer> {
    /** The exit code when the dump holds a deadlock. */
    static final int DEADLOCK = 3;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    JvmTarget target;

    @Option(names = "--json", description = "Print the dump as JSON instead of text.")
    boolean json;

    @Mixin
    ConnectTimeout connectTimeout;

    @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "30s", paramLabel = "D",
            description = "Give up waiting for the dump after D (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        ThreadDump dump;
        try (Connection connection = target.connect(spec, connectTimeout.value)) {
            dump = new Diagnostics(connection, timeout).threadDump();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? DiagnosticsJson.write(dump) : dump.jstackText());
        out.flush();
        return dump.deadlocks().isEmpty() ? 0 : DEADLOCK;
    }
}
