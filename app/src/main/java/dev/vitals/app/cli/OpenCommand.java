package dev.vitals.app.cli;

import dev.vitals.app.ui.VitalsApplication;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vitals open FILE…}: the Vitals window with each recording in its own tab. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Open recordings (.jfr) in the Vitals window.")
final class OpenCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "A JFR recording.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
        }
        VitalsApplication.run(files, null);
        return 0;
    }
}
