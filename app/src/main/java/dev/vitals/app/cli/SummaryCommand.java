package dev.vitals.app.cli;

import dev.vitals.app.RecordingFiles;
import dev.vitals.model.export.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vitals summary FILE [--json]}: what a recording holds, as the model's {@link Summary}. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Summarise a recording or session.",
                "Prints file, JDK, start, duration, chunks, event counts per type (as",
                "'jfr summary' counts them), threads, samples per kind, the 10 hottest",
                "methods (self CPU samples) and warnings. Text lists the event types",
                "recorded (--all: every declared type); JSON keeps every field."})
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A .jfr recording or a .vitals session.")
    Path file;

    @Option(names = "--json", description = "Print a JSON object instead of text.")
    boolean json;

    @Option(names = "--all", description = "List every declared event type, those with no events too.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        RecordingFiles recording = RecordingFiles.open(file);
        Summary s = Summary.of(recording.snapshot());
        // a session's warnings name its entries (x.vitals!/recording/…), not the chunks unpacked to import them
        Summary summary = new Summary(s.file(), s.jvmVersion(), s.startNanos(), s.durationNanos(), s.chunkCount(),
                s.events(), s.threads(), s.samplesPerKind(), s.hotMethods(), recording.warnings());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? summary.toJson() : summary.toText(all));
        out.flush();
        return 0;
    }
}
