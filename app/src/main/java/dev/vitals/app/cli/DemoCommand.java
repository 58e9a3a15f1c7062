package dev.vitals.app.cli;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.app.ui.VitalsApplication;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vitals demo}: the bundled demo workload, a JVM whose behaviour is known. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the bundled demo workload and watch it.",
                "With --workload-only, run only the workload in the foreground; on exit it prints 'ops/s: N'."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--workload-only", description = "Run only the workload, in the foreground.")
    boolean workloadOnly;

    @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "D",
            description = "Stop after D (e.g. 60s, 2m); default: until stopped.")
    Duration duration;

    @Option(names = "--threads", paramLabel = "N", description = "CPU worker threads (default 2).")
    Integer threads;

    @Option(names = "--spike-every", converter = DurationConverter.class, paramLabel = "D",
            description = "One 300 ms request in Work.spike every D (default 5s).")
    Duration spikeEvery;

    @Override
    public Integer call() throws Exception {
        List<String> command = DemoWorkloadProcess.command(duration, threads, spikeEvery);
        if (!workloadOnly) {
            VitalsApplication.run(List.of(), command);
            return 0;
        }
        Process workload = new ProcessBuilder(command).inheritIO().start();
        return workload.waitFor();
    }
}
