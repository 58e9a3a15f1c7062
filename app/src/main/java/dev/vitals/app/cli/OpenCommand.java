package dev.vitals.app.cli;

import dev.vitals.app.ui.VitalsApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vitals open FILE…}: the Vitals window with each recording in its own tab. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open recordings (.jfr) and sessions (.vitals) in the Vitals window.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "A JFR recording or a Vitals session.")
    List<Path> files;

    @Override
    public Integer call() {
        VitalsApplication.run(existing(files), null);
        return 0;
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
