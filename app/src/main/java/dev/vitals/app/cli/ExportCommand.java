package dev.vitals.app.cli;

import dev.vitals.app.RecordingFiles;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.export.CollapsedExport;
import dev.vitals.model.export.JsonExport;
import dev.vitals.model.export.SpeedscopeExport;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vitals export FILE --format collapsed|speedscope|json}: the stacks of a selection in a
 * format other tools read, written by the model's exports. Collapsed stacks count events (the
 * classic format); speedscope and JSON add up each event's weight (1 per CPU sample, bytes per
 * allocation sample, nanoseconds per interval event) and say which.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a recording's stacks: collapsed, speedscope or JSON.",
                "Collapsed stacks count events; speedscope and JSON add up their weight",
                "(samples, allocated bytes, or nanoseconds for events with a duration)."})
final class ExportCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format { COLLAPSED, SPEEDSCOPE, JSON }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A .jfr recording or a .vitals session.")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "collapsed (one line per stack, root first, and its count), speedscope or json.")
    Format format;

    @Mixin
    SelectionOptions select;

    @Option(names = "--lines", description = "Append :LINE to each frame (collapsed and json only).")
    boolean lines;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (lines && format == Format.SPEEDSCOPE) {
            throw new ParameterException(spec.commandLine(), "--lines is not available with --format speedscope");
        }
        RecordingFiles recording = RecordingFiles.open(file);
        recording.printWarnings(spec.commandLine().getErr());
        ProfileSnapshot snapshot = recording.snapshot();
        Selection selection = select.selection(snapshot, format == Format.COLLAPSED ? Measure.COUNT : Measure.WEIGHT);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            write(snapshot, selection, out);
            out.flush();
        } else {
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                write(snapshot, selection, out);
            }
        }
        return 0;
    }

    private void write(ProfileSnapshot snapshot, Selection selection, Appendable out) throws IOException {
        switch (format) {
            case COLLAPSED -> CollapsedExport.write(snapshot, selection, lines, out);
            case SPEEDSCOPE -> SpeedscopeExport.write(snapshot, selection,
                    file.getFileName() + " " + select.event(SelectionOptions.DEFAULT_EVENT), out);
            case JSON -> JsonExport.write(snapshot, selection, lines, out);
        }
    }
}
