package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.alert.AlertEvaluator;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;
import dev.vitals.model.session.AlertRule;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Alert rules over a large recording: the default rules plus a p99 rule on {@code jdk.ThreadPark}
 * in 1 s windows (the big recording holds half a million park events, so this rule reads every
 * interval row and sorts every window), evaluated over the whole recording (what opening a
 * recording or changing the rules costs), and a live tick that finds no new rows (what each second
 * of a quiet live session costs). Run with
 * {@code java -jar bench/target/benchmarks.jar AlertBenchmark -p recording=bench/target/big.jfr}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx3g")
public class AlertBenchmark {
    @Param("bench/target/big.jfr")
    public String recording;

    private static final List<AlertRule> RULES = java.util.stream.Stream.concat(AlertRule.defaults().stream(),
            java.util.stream.Stream.of(new AlertRule.LatencyAbove("parks", true, "jdk.ThreadPark", 10, 1))).toList();

    private ProfileSnapshot snapshot;
    private AlertEvaluator caughtUp;

    @Setup(Level.Trial)
    public void load() throws JfrImportException {
        snapshot = JfrFiles.importFile(Path.of(recording)).snapshot();
    }

    @Setup(Level.Iteration)
    public void catchUp() {
        caughtUp = new AlertEvaluator(RULES);
        caughtUp.advance(snapshot, false);
    }

    @Benchmark
    public List<AlertEvent> wholeRecording() {
        return AlertEvaluator.evaluate(snapshot, RULES);
    }

    @Benchmark
    public List<AlertEvent> liveTickWithoutNewData() {
        return caughtUp.advance(snapshot, false);
    }
}
