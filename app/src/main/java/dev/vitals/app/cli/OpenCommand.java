package dev.vitals.app.cli;

import dev.vitals.app.ui.InstanceHandoff;
import dev.vitals.app.ui.VitalsApplication;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vitals open FILE…}: each recording in its own tab of the running Vitals window, or, when
 * none runs, of a new one.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open recordings (.jfr) and sessions (.vitals) in the Vitals window.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "A JFR recording or a Vitals session.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        openOrHandOver(existing(files), spec.commandLine().getOut());
        return 0;
    }

    /** Hands the files to the running Vitals window, else opens a window with them. */
    static void openOrHandOver(List<Path> files, PrintWriter out) {
        if (!files.isEmpty() && InstanceHandoff.handTo(InstanceHandoff.defaultSocket(), files)) {
            out.println("Opened in the running Vitals window: "
                    + files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")));
            out.flush();
            return;
        }
        VitalsApplication.run(files, null);
    }

    /** The files, checked to exist before the window opens, so a typo is one line, not a window. */
    static List<Path> existing(List<Path> files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
        return files;
    }
}
