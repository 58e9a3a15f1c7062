package dev.vitals.app.cli;

import dev.vitals.attach.Connection;
import dev.vitals.attach.Diagnostics;
import dev.vitals.model.diagnostics.DiagnosticsJson;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.HistogramDiff;
import dev.vitals.model.diagnostics.HistogramRow;
import dev.vitals.model.export.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vitals histo (--pid PID | --jmx HOST:PORT …) [--all] [--compare-after D] [--top N] [--json]}:
 * a class histogram of a running JVM's heap, or, with {@code --compare-after}, the classes that
 * grew between two histograms taken D apart.
 */
@Command(name = "histo", mixinStandardHelpOptions = true,
        description = {"Print a class histogram of a running JVM's heap (GC.class_histogram).",
                "With --compare-after D, take a second one D later and print what grew."})
final class HistoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    JvmTarget target;

    @Option(names = "--all", description = "Count every object, reachable or not, without a full GC first.")
    boolean all;

    @Option(names = "--compare-after", converter = DurationConverter.class, paramLabel = "D",
            description = "Take a second histogram D later and print the classes whose instances or bytes grew.")
    Duration compareAfter;

    @Option(names = "--top", defaultValue = "0", paramLabel = "N", description = "Print the first N rows only (default: all).")
    int top;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Mixin
    ConnectTimeout connectTimeout;

    @Option(names = "--timeout", converter = DurationConverter.class, defaultValue = "60s", paramLabel = "D",
            description = "Give up waiting for one histogram after D (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = target.connect(spec, connectTimeout.value)) {
            Diagnostics diagnostics = new Diagnostics(connection, timeout);
            HeapHistogram before = diagnostics.histogram(!all);
            if (compareAfter == null) {
                out.print(json ? DiagnosticsJson.write(limited(before)) : table(limited(before).rows()));
            } else {
                Thread.sleep(compareAfter.toMillis());
                HistogramDiff diff = HistogramDiff.of(before, diagnostics.histogram(!all));
                List<HistogramDiff.Row> grown = top > 0 ? diff.grown().stream().limit(top).toList() : diff.grown();
                out.print(json ? diffJson(grown) : diffTable(grown));
            }
        }
        out.flush();
        return 0;
    }

    private HeapHistogram limited(HeapHistogram histogram) {
        return top <= 0 ? histogram : new HeapHistogram(histogram.takenEpochMillis(), histogram.liveOnly(),
                histogram.rows().stream().limit(top).toList());
    }

    static String table(List<HistogramRow> rows) {
        StringBuilder out = new StringBuilder(String.format("%5s  %12s  %14s  %s%n", "NUM", "INSTANCES", "BYTES", "CLASS"));
        for (int i = 0; i < rows.size(); i++) {
            HistogramRow r = rows.get(i);
            out.append(String.format("%5d  %12d  %14d  %s%s%n", i + 1, r.instances(), r.bytes(), r.className(),
                    r.module().isEmpty() ? "" : " (" + r.module() + ")"));
        }
        return out.toString();
    }

    static String diffTable(List<HistogramDiff.Row> rows) {
        StringBuilder out = new StringBuilder(String.format("%12s  %14s  %12s  %14s  %s%n",
                "+INSTANCES", "+BYTES", "INSTANCES", "BYTES", "CLASS"));
        for (HistogramDiff.Row r : rows) {
            out.append(String.format("%+12d  %+14d  %12d  %14d  %s%n", r.instancesDelta(), r.bytesDelta(),
                    r.instancesAfter(), r.bytesAfter(), r.className()));
        }
        return out.toString();
    }

    static String diffJson(List<HistogramDiff.Row> rows) {
        return rows.stream().map(r -> "{\"className\": " + Json.quote(r.className())
                        + ", \"instancesBefore\": " + r.instancesBefore() + ", \"instancesAfter\": " + r.instancesAfter()
                        + ", \"bytesBefore\": " + r.bytesBefore() + ", \"bytesAfter\": " + r.bytesAfter() + "}")
                .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
    }
}
