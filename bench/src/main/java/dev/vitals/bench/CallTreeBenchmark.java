package dev.vitals.bench;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Selection;

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

/** Building call trees over 1 M samples (all of them, and the middle half by time). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class CallTreeBenchmark {
    @Param("1000000")
    public int samples;

    @Param("20000")
    public int stacks;

    private ProfileSnapshot snapshot;
    private Selection middleHalf;

    @Setup(Level.Trial)
    public void setUp() {
        snapshot = SyntheticSamples.snapshot(SyntheticSamples.store(samples, stacks), samples);
        long start = snapshot.info().startNanos();
        long quarter = (snapshot.info().endNanos() - start) / 4;
        middleHalf = Selection.cpu().withRange(start + quarter, start + 3 * quarter);
    }

    @Benchmark
    public CallTree topDownAll() {
        return CallTrees.topDown(snapshot, Selection.cpu());
    }

    @Benchmark
    public CallTree bottomUpAll() {
        return CallTrees.bottomUp(snapshot, Selection.cpu());
    }

    @Benchmark
    public CallTree topDownMiddleHalf() {
        return CallTrees.topDown(snapshot, middleHalf);
    }
}
