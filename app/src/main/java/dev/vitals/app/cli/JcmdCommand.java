package dev.vitals.app.cli;

import dev.vitals.attach.Connection;
import dev.vitals.attach.DiagnosticCommand;
import dev.vitals.attach.Diagnostics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vitals jcmd (--pid PID | --jmx HOST:PORT …) COMMAND [ARGS…]}: runs a diagnostic command
 * through the JVM's DiagnosticCommand MBean, so it works over remote JMX too. {@code help} lists the
 * commands the JVM offers (those that change it marked {@code *}); {@code help COMMAND} shows one.
 */
@Command(name = "jcmd", mixinStandardHelpOptions = true,
        description = {"Run a diagnostic command (as jcmd) in a running JVM, locally or over JMX.",
                "'help' lists the JVM's commands (* marks those that change it); 'help COMMAND' explains one."})
final class JcmdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    JvmTarget target;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "The command (VM.version, Thread.print, GC.class_histogram…) or help.")
    String command;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The command's arguments, as jcmd takes them (-all, name=value).")
    List<String> arguments = List.of();

    @Mixin
    ConnectTimeout connectTimeout;

    @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "60s", paramLabel = "D",
            description = "Give up waiting for the command after D (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = target.connect(spec, connectTimeout.value)) {
            Diagnostics diagnostics = new Diagnostics(connection, timeout);
            if (command.equals("help") && arguments.isEmpty()) {
                for (DiagnosticCommand c : diagnostics.commands()) {
                    out.printf("%s %-32s %s%n", c.changesJvm() ? "*" : " ", c.name(), c.description());
                }
            } else if (command.equals("help")) {
                out.print(diagnostics.command(arguments.getFirst()).help());
            } else {
                String output = diagnostics.run(command, arguments);
                out.print(output.endsWith("\n") || output.isEmpty() ? output : output + "\n");
            }
        }
        out.flush();
        return 0;
    }
}
