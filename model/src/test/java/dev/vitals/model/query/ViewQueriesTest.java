package dev.vitals.model.query;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.SampleKind;
import dev.vitals.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The queries the timeline, latency heatmap and charts add to the demo recording's known behaviour. */
class ViewQueriesTest {
    private final ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-default");
    private final long from = snapshot.info().startNanos();
    private final long to = snapshot.info().endNanos();

    @Test
    void frameFilterHitsAreOnTheWorkerLanesOnly() {
        Map<Integer, BitSet> hits = ThreadLanes.hits(snapshot,
                Selection.cpu().withFrameFilter("dev.vitals.demo.Work.hashLoop"), from, to, 200);
        Set<String> names = new TreeSet<>();
        hits.keySet().forEach(t -> names.add(snapshot.threads().name(t)));
        assertThat(names).containsExactly("worker-1", "worker-2");
        hits.values().forEach(bins -> assertThat(bins.cardinality()).isGreaterThan(40));
    }

    @Test
    void laneBinsCountAState() {
        ThreadLanes lanes = ThreadLanes.compute(snapshot, Selection.cpu(), from, to, 100);
        ThreadLanes.Lane sleeper = lane(lanes, "sleeper");
        ThreadLanes.Lane worker = lane(lanes, "worker-1");
        assertThat(sleeper.bins(ThreadState.SLEEPING)).isGreaterThan(sleeper.bins(ThreadState.RUNNING));
        assertThat(worker.bins(ThreadState.RUNNING)).isGreaterThan(worker.bins(ThreadState.SLEEPING));
    }

    private static ThreadLanes.Lane lane(ThreadLanes lanes, String name) {
        return lanes.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void latencyPercentilesReadTheRowBounds() {
        Heatmap grid = new Heatmap(0, 10, 1, 4, new long[] {1, 10, 100, 1000, 10000}, new long[] {50, 40, 9, 1}, 50);
        assertThat(grid.percentile(0, 0.5)).isEqualTo(10);
        assertThat(grid.percentile(0, 0.9)).isEqualTo(100);
        assertThat(grid.percentile(0, 0.99)).isEqualTo(1000);
        assertThat(grid.percentile(0, 1.0)).isEqualTo(10000);
        Heatmap empty = new Heatmap(0, 10, 1, 2, new long[] {1, 2, 3}, new long[] {0, 0}, 0);
        assertThat(empty.percentile(0, 0.5)).isEqualTo(-1);
    }

    @Test
    void requestLatencyP99IsTheSpikeAndP50IsFast() {
        Selection requests = Selection.of(new EventSelector.OfType("dev.vitals.demo.Request"));
        Heatmap whole = Heatmap.latency(snapshot, requests, 1, 40, 1_000L, 10_000_000_000L);
        assertThat(whole.percentile(0, 0.5)).isLessThan(50_000_000L);
        assertThat(whole.percentile(0, 0.999)).isGreaterThan(250_000_000L);
    }

    @Test
    void allocationRateAddsUpToTheSampledBytes() {
        Selection allocation = Selection.of(new EventSelector.OfKind(SampleKind.ALLOCATION));
        ReducedSeries rate = ReducedSeries.rate(snapshot, allocation, from, to, 70);
        assertThat(rate.length()).isEqualTo(70);
        double binSeconds = (to - from) / 70 / 1e9;
        double bytes = Arrays.stream(rate.max()).sum() * binSeconds;
        long[] sampled = {0};
        snapshot.samples(SampleKind.ALLOCATION).forEach(t -> {
            for (int i = 0; i < t.length(); i++) {
                sampled[0] += t.weight(i);
            }
        });
        assertThat(bytes).isCloseTo(sampled[0], within(sampled[0] * 0.01));
    }
}
