package dev.vitals.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.vitals.analysis.AnalysisProgress;
import dev.vitals.analysis.RecordingAnalyzer;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.jfr.JfrFiles;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Time, CPU and peak heap of the automated analysis next to the import of the same recording, one
 * mode per JVM (so neither inherits the other's heap or JIT): {@code import} ({@code
 * JfrFiles.importFile}), {@code analysis} ({@code RecordingAnalyzer.analyze} with the window's one
 * rule thread), {@code live} ({@code analyzeLast} over the last 2 minutes, as a live session does
 * every 20 s: CPU per evaluation and per minute). Peak heap is the sum of the heap pools' peak
 * usage since the start of the run (what the collector let accumulate, at the -Xmx given).
 *
 * <pre>
 * java -Xmx4g -cp bench/target/benchmarks.jar dev.vitals.bench.AnalysisBench import|analysis|live FILE.jfr
 * </pre>
 */
public final class AnalysisBench {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int LIVE_EVALUATIONS = 5;

    private AnalysisBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("import", "analysis", "live").contains(args[0])) {
            System.err.println("usage: AnalysisBench import|analysis|live FILE.jfr");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        String what = switch (args[0]) {
            case "import" -> JfrFiles.importFile(file).snapshot().sampleCount() + " samples";
            case "analysis" -> describe(new RecordingAnalyzer(1).analyze(List.of(file), AnalysisProgress.NONE,
                    () -> false));
            default -> live(file);
        };
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%s %s: %.2f s, %.2f s CPU, peak heap %d MB (%s)%n", args[0], file.getFileName(), seconds,
                cpu, peak >> 20, what);
    }

    private static String live(Path file) throws Exception {
        RecordingAnalyzer analyzer = new RecordingAnalyzer(1);
        double total = 0;
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < LIVE_EVALUATIONS; i++) {
            long cpu0 = OS.getProcessCpuTime();
            analyzer.analyzeLast(List.of(file), Duration.ofMinutes(2), AnalysisProgress.NONE, () -> false);
            double cpu = (OS.getProcessCpuTime() - cpu0) / 1e9;
            total += cpu;
            each.append(String.format(" %.2f", cpu));
        }
        double perEvaluation = total / LIVE_EVALUATIONS;
        return String.format("CPU per evaluation%s s; mean %.2f s, every 20 s: %.2f s CPU per minute", each,
                perEvaluation, 3 * perEvaluation);
    }

    private static String describe(Findings f) {
        return f.findings().size() + " rules ran, " + f.skipped().size() + " could not, worst " + f.worst().label();
    }
}
