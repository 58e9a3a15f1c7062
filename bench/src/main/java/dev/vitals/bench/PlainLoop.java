package dev.vitals.bench;

import java.io.IOException;

/**
 * The bare {@code RecordingFile} loop of {@link ImportBenchmark} as a process of its own, the
 * baseline of {@code bench/summary-vs-loop.sh}: {@code java -cp benchmarks.jar dev.vitals.bench.PlainLoop FILE}.
 */
public final class PlainLoop {
    private PlainLoop() {
    }

    /** Reads every event of the file and touches every frame's class and method name. */
    public static void main(String[] args) throws IOException {
        ImportBenchmark loop = new ImportBenchmark();
        loop.recording = args[0];
        System.out.println(loop.plainRecordingFile());
    }
}
