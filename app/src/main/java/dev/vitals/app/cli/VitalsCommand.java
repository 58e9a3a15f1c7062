package dev.vitals.app.cli;

import dev.vitals.app.UserMessages;
import dev.vitals.app.ui.VitalsApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code vitals} command: the subcommands a user can run, with picocli's help and version.
 * Exit codes: 0 success, 2 usage error, 1 anything else, reported as one readable line on stderr
 * ({@code --debug} adds the stack trace); {@code threads} exits with 3 when it finds a deadlock.
 */
@Command(name = "vitals",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Real-time execution-state telemetry for JVMs.",
                "Without a command, opens the Vitals window (with the recordings given, if any)."},
        subcommands = {OpenCommand.class, DemoCommand.class, ListCommand.class, RecordCommand.class,
                SummaryCommand.class, ExportCommand.class, RenderCommand.class, AnalyzeCommand.class,
                ThreadsCommand.class, HistoCommand.class, JcmdCommand.class})
public final class VitalsCommand implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Recordings to open in the window (as 'vitals open').")
    List<Path> files = List.of();

    @Spec
    CommandSpec spec;

    @Option(names = "--exit-after-start", hidden = true,
            description = "Close the window a few seconds after it opened (the packaging's AOT training run).")
    boolean exitAfterStart;

    @Override
    public void run() {
        if (exitAfterStart) {
            VitalsApplication.exitAfterStart();
        }
        OpenCommand.openOrHandOver(OpenCommand.existing(files), spec == null
                ? new PrintWriter(System.out, true) : spec.commandLine().getOut());
    }

    /**
     * Runs the command line and returns the exit code. Without arguments, as a desktop launcher
     * starts Vitals, the window opens without building the command line first: picocli's classes
     * (compiled for Java 5) cannot go into the AOT cache, and building the commands' model cost
     * half a second of the start to a window.
     */
    public static int execute(String... args) {
        if (args.length > 0) {
            return commandLine().execute(args);
        }
        try {
            new VitalsCommand().run();
            return 0;
        } catch (RuntimeException e) {
            return fail(new PrintWriter(System.err, true), e, false);
        }
    }

    /** The configured command line, with the error handling every subcommand shares. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VitalsCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // a diagnostic command's own options (GC.class_histogram -all) are its arguments, not vitals options
        cli.getSubcommands().get("jcmd").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                fail(commandLine.getErr(), e, parseResult.hasMatchedOption("--debug")));
        return cli;
    }

    /** Reports a failed command as one readable line (and its stack trace with {@code --debug}); returns 1. */
    private static int fail(PrintWriter err, Exception e, boolean debug) {
        err.println("vitals: " + UserMessages.describe(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
