package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Import of a large recording to a ready model, against a plain {@code RecordingFile} loop that
 * reads every event and touches every frame's class and method name. Make the recording with
 * {@code bench/make-recording.sh}; run with
 * {@code java -jar bench/target/benchmarks.jar ImportBenchmark -p recording=bench/target/big.jfr}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = "-Xmx3g")
public class ImportBenchmark {
    @Param("bench/target/big.jfr")
    public String recording;

    @Benchmark
    public ProfileSnapshot vitalsImport() throws JfrImportException {
        return JfrFiles.importFile(Path.of(recording)).snapshot();
    }

    @Benchmark
    public long plainRecordingFile() throws IOException {
        long touched = 0;
        try (RecordingFile file = new RecordingFile(Path.of(recording))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                touched++;
                RecordedStackTrace stack = event.getStackTrace();
                if (stack != null) {
                    for (RecordedFrame frame : stack.getFrames()) {
                        touched += frame.getMethod().getType().getName().length() + frame.getMethod().getName().length();
                    }
                }
            }
        }
        return touched;
    }
}
