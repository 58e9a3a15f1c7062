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
    void theFittedLatencyAxisSpansTheDecadesOfTheRequestsPresentAndTheSpikesAreInTheTopDecile() {
        Selection requests = Selection.of(new EventSelector.OfType("dev.vitals.demo.Request"));
        var rows = EventList.of(snapshot, requests, 1_000_000).rows();
        long shortest = rows.stream().mapToLong(EventList.Row::durationNanos).min().orElseThrow();
        long longest = rows.stream().mapToLong(EventList.Row::durationNanos).max().orElseThrow();
        Heatmap grid = Heatmap.latencyFitted(snapshot, requests, 10, 6);
        long low = grid.rowBounds()[0];
        long high = grid.rowBounds()[grid.rows()];
        assertThat(low).isLessThanOrEqualTo(shortest).isGreaterThan(shortest / 10);
        assertThat(high).isGreaterThan(longest).isLessThanOrEqualTo(longest * 10);
        assertThat(String.valueOf(low)).matches("10*");
        assertThat(String.valueOf(high)).matches("10*");
        assertThat(grid.rows() % 6).isZero();
        assertThat(grid.rows()).as("fitted: fewer than the 48 rows of 1 µs – 100 s").isLessThan(48);
        assertThat(Arrays.stream(grid.values()).sum()).isEqualTo(rows.size());
        // The 300 ms spikes are rarer than one request in ten: they lie above the top decile's bound.
        long spikes = rows.stream().filter(r -> Boolean.TRUE.equals(r.fields().get("spike"))).count();
        assertThat(spikes).isPositive().isLessThan(rows.size() / 10);
        long top = grid.durationQuantile(0.9);
        assertThat(rows.stream().filter(r -> Boolean.TRUE.equals(r.fields().get("spike"))))
                .allSatisfy(r -> assertThat(r.durationNanos()).isGreaterThanOrEqualTo(top));
    }

    @Test
    void theDurationQuantileCountsEveryColumn() {
        Heatmap grid = new Heatmap(0, 10, 2, 4, new long[] {1, 10, 100, 1000, 10000}, new long[] {25, 20, 4, 1, 25, 20, 5, 0}, 25);
        assertThat(grid.durationQuantile(0.5)).isEqualTo(10);
        assertThat(grid.durationQuantile(0.9)).isEqualTo(100);
        assertThat(grid.durationQuantile(0.95)).isEqualTo(1000);
        assertThat(grid.durationQuantile(1.0)).isEqualTo(10000);
        assertThat(new Heatmap(0, 10, 1, 1, new long[] {1, 2}, new long[] {0}, 0).durationQuantile(0.9)).isEqualTo(-1);
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
