package dev.vitals.model.query;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.JfrPrint;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.SampleTable;
import dev.vitals.model.SampleKind;
import dev.vitals.model.Series;
import dev.vitals.model.TextProfile;
import dev.vitals.model.ThreadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Queries over the demo recordings, whose behaviour is known: see the demo workload. */
class DemoQueriesTest {
    private static final String WORKER_LOOP = "dev.vitals.demo.DemoWorkload.workerLoop";

    @ParameterizedTest
    @ValueSource(strings = {"demo-jdk25-profile", "demo-jdk17-default", "demo-asprof"})
    void workerCpuSplitsSixtyThirtyTen(String recording) {
        ProfileSnapshot snapshot = Recordings.snapshot(recording);
        Sandwich worker = CallTrees.sandwich(snapshot, Selection.cpu(), WORKER_LOOP);
        CallTree callees = worker.callees();
        int loop = callees.findNode(WORKER_LOOP);
        double total = callees.total(loop);
        double hash = callees.total(callees.findChild(loop, "dev.vitals.demo.Work.hashLoop")) / total;
        double sort = callees.total(callees.findChild(loop, "dev.vitals.demo.Work.sortLoop")) / total;
        assertThat(total).isGreaterThan(200);
        assertThat(hash).isBetween(0.45, 0.75);
        assertThat(sort).isBetween(0.18, 0.42);
        assertThat(hash).isGreaterThan(sort);
    }

    @Test
    void threadLanesShowTheDemoThreadsStates() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        long from = snapshot.info().startNanos();
        long to = snapshot.info().endNanos();
        ThreadLanes lanes = ThreadLanes.compute(snapshot, Selection.cpu(), from, to, 100);
        Map<String, ThreadState> expected = Map.of("sleeper", ThreadState.SLEEPING, "parker", ThreadState.PARKED,
                "waiter", ThreadState.WAITING, "worker-1", ThreadState.RUNNING);
        expected.forEach((name, state) -> {
            ThreadLanes.Lane lane = lanes.lanes().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
            long matching = 0;
            long known = 0;
            for (int x = 0; x < lanes.width(); x++) {
                if (lane.state(x) != null) {
                    known++;
                    matching += lane.state(x) == state ? 1 : 0;
                }
            }
            assertThat(known).as(name).isGreaterThan(30);
            assertThat((double) matching / known).as(name + " mostly " + state).isGreaterThan(0.6);
        });
    }

    @Test
    void threadStatesAreSortedRunLengthIntervals() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        long from = snapshot.info().startNanos();
        long to = snapshot.info().endNanos();
        int sleeper = Selection.threadsMatching(snapshot, "^sleeper$").iterator().next();
        ThreadStates states = ThreadStates.of(snapshot, sleeper, from, to);
        assertThat(states.length()).isPositive();
        long covered = 0;
        for (int r = 0; r < states.length(); r++) {
            assertThat(states.end()[r]).isGreaterThan(states.start()[r]);
            if (r > 0) {
                assertThat(states.start()[r]).isGreaterThanOrEqualTo(states.end()[r - 1]);
                assertThat(states.state()[r] != states.state()[r - 1] || states.start()[r] > states.end()[r - 1]).isTrue();
            }
            covered += states.end()[r] - states.start()[r];
        }
        assertThat(Arrays.stream(states.totals()).sum()).isEqualTo(covered);
        assertThat(states.total(ThreadState.SLEEPING)).isGreaterThan(covered / 2);
        assertThat(states.at(states.start()[0])).isEqualTo(states.state()[0]);
        assertThat(states.at(from - 1)).isNull();
    }

    @Test
    void flameScopeCountsEverySampleInRange() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        Heatmap heatmap = Heatmap.flameScope(snapshot, Selection.cpu().withMeasure(Measure.COUNT), 50);
        assertThat(heatmap.rows()).isEqualTo(50);
        assertThat(heatmap.columns()).isBetween(7, 9);
        assertThat(Arrays.stream(heatmap.values()).sum()).isEqualTo(snapshot.samples("jdk.ExecutionSample").length());
        Heatmap spikes = Heatmap.flameScope(snapshot, Selection.cpu().withFrameFilter("dev.vitals.demo.Work.spike"), 50);
        long spikeSamples = Arrays.stream(spikes.values()).sum();
        assertThat(spikeSamples).isPositive().isLessThan(Arrays.stream(heatmap.values()).sum() / 3);
    }

    @Test
    void latencyHeatmapShowsRequestSpikes() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        Selection requests = Selection.of(new EventSelector.OfType("dev.vitals.demo.Request"));
        Heatmap latency = Heatmap.latency(snapshot, requests, 20, 30, 1_000L, 10_000_000_000L);
        assertThat(Arrays.stream(latency.values()).sum()).isEqualTo(snapshot.info().eventCounts().get("dev.vitals.demo.Request"));
        int row300ms = 0;
        while (latency.rowBounds()[row300ms + 1] < 250_000_000L) {
            row300ms++;
        }
        long slow = 0;
        for (int c = 0; c < latency.columns(); c++) {
            for (int r = row300ms; r < latency.rows(); r++) {
                slow += latency.value(c, r);
            }
        }
        assertThat(slow).as("spikes of 300 ms every 2 s over 7 s").isBetween(2L, 5L);
    }

    @Test
    void eventListKeepsCustomFields() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        EventList list = EventList.of(snapshot, Selection.of(new EventSelector.OfType("dev.vitals.demo.Request")), 1000);
        assertThat(list.total()).isEqualTo(snapshot.info().eventCounts().get("dev.vitals.demo.Request"));
        assertThat(list.rows()).allSatisfy(row -> {
            assertThat(row.fields()).containsKeys("requestId", "endpoint", "spike");
            assertThat(row.thread()).isEqualTo("requests");
        });
        assertThat(list.rows()).filteredOn(r -> Boolean.TRUE.equals(r.fields().get("spike")))
                .isNotEmpty().allSatisfy(r -> assertThat(r.durationNanos()).isGreaterThan(250_000_000L));
        assertThat(list.rows()).extracting(EventList.Row::startNanos).isSorted();
        EventList.Row first = list.rows().getFirst();
        assertThat(EventList.frames(snapshot, first.stackIndex(), 64)).isNotEmpty();
    }

    /** The per-type counts kept as intervals are added (and chunks merged) equal a scan of the table. */
    @ParameterizedTest
    @FieldSource("dev.vitals.model.Recordings#ALL")
    void theLastingCountsKeptPerTypeEqualAScan(String name) {
        IntervalTable intervals = Recordings.snapshot(name).intervals();
        long[] scanned = new long[intervals.typeCount()];
        for (int i = 0; i < intervals.length(); i++) {
            if (intervals.duration(i) > 0) {
                scanned[intervals.typeIndex(i)]++;
            }
        }
        long[] kept = new long[intervals.typeCount()];
        Arrays.setAll(kept, intervals::lastingCount);
        assertThat(kept).containsExactly(scanned);
        assertThat(Arrays.stream(kept).sum()).as("events that last were counted").isPositive();
    }

    @Test
    void theLatencyViewPrefersTheApplicationsOwnIntervalEvents() {
        ProfileSnapshot demo = Recordings.snapshot("demo-jdk25-default");
        assertThat(demo.intervals().typeIndexOf("jdk.ThreadPark")).as("the JDK's parks are there too").isNotNegative();
        assertThat(LatencyTypes.preferred(demo.intervals())).isEqualTo("dev.vitals.demo.Request");
        assertThat(LatencyTypes.preferred(Recordings.snapshot("demo-asprof").intervals()))
                .as("async-profiler records locks, not parks").isEqualTo("jdk.JavaMonitorEnter");
        assertThat(LatencyTypes.preferred(TextProfile.of("m.Main.main 1\n").intervals())).isNull();
    }

    @Test
    void theInvertedTreesLeafFramesHaveTheSelfOfHotMethods() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        CallTree inverted = CallTrees.bottomUp(snapshot, Selection.cpu());
        List<HotMethod> hot = HotMethods.of(snapshot, Selection.cpu(), 5);
        assertThat(hot.getFirst().method()).isEqualTo("dev.vitals.demo.Work.hashLoop");
        for (HotMethod method : hot) {
            long self = 0;
            long total = 0;
            for (int root = inverted.firstChild(0); root != -1; root = inverted.nextSibling(root)) {
                if (inverted.name(root).equals(method.method())) { // overloads are one hot method, several roots
                    self += inverted.self(root);
                    total += inverted.total(root);
                }
            }
            assertThat(self).as(method.method()).isEqualTo(method.self()).isPositive().isEqualTo(total);
        }
        int hashLoop = inverted.findNode("dev.vitals.demo.Work.hashLoop");
        assertThat(inverted.self(inverted.firstChild(hashLoop))).as("its callers ran nothing themselves").isZero();
    }

    @Test
    void theLongestEventsListedAreTheLongestOfTheWholeSelectionNotOfTheFirstListed() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        Selection requests = Selection.of(new EventSelector.OfType("dev.vitals.demo.Request"));
        List<EventList.Row> all = EventList.of(snapshot, requests, 100_000).rows();
        int limit = 20;
        assertThat(all.size()).isGreaterThan(10 * limit);
        List<Long> longest = all.stream().map(EventList.Row::durationNanos).sorted(Comparator.reverseOrder())
                .limit(limit).toList();
        EventOrder byDuration = new EventOrder(new EventOrder.Key.Duration(), true);
        EventList list = EventList.of(snapshot, requests, List.of(byDuration), limit);
        assertThat(list.total()).isEqualTo(all.size());
        assertThat(list.rows()).extracting(EventList.Row::durationNanos).containsExactlyElementsOf(longest);
        long lastOfFirst = all.get(limit - 1).startNanos();
        assertThat(list.rows()).as("spikes from the whole recording, not from its first %d requests", limit)
                .anyMatch(r -> r.startNanos() > lastOfFirst);
        assertThat(list.rows()).allSatisfy(r -> assertThat(r.fields()).containsKeys("requestId", "endpoint"));
        assertThat(list.rows()).as("the kept best are the head of the whole list in that order, ties by start")
                .isEqualTo(EventList.of(snapshot, requests, List.of(byDuration), 100_000).rows().subList(0, limit));

        EventOrder byIdDown = new EventOrder(new EventOrder.Key.Field("requestId"), true);
        Object highest = all.stream().map(r -> (Long) r.fields().get("requestId")).max(Comparator.naturalOrder())
                .orElseThrow();
        assertThat(EventList.of(snapshot, requests, List.of(byIdDown), 1).rows().getFirst().fields().get("requestId"))
                .isEqualTo(highest);
        EventOrder byThread = new EventOrder(new EventOrder.Key.Thread(), false);
        assertThat(EventList.of(snapshot, Selection.cpu(), List.of(byThread, byDuration), 50).rows())
                .extracting(EventList.Row::thread).isSorted();
    }

    @Test
    void aDurationRangeKeepsOnlyIntervalEventsOfThoseDurationsAndLeavesSamplesAlone() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        Selection requests = Selection.of(new EventSelector.OfType("dev.vitals.demo.Request"));
        List<EventList.Row> all = EventList.of(snapshot, requests, 100_000).rows();
        long spikes = all.stream().filter(r -> Boolean.TRUE.equals(r.fields().get("spike"))).count();
        assertThat(spikes).isPositive();

        EventList slow = EventList.of(snapshot, requests.withDurations(250_000_000L, Long.MAX_VALUE), 100_000);
        assertThat(slow.total()).as("the 300 ms spike requests, and only they").isEqualTo(spikes);
        assertThat(slow.rows()).allSatisfy(r -> assertThat(r.fields().get("spike")).isEqualTo(true));

        EventList fast = EventList.of(snapshot, requests.withDurations(0, 250_000_000L), 100_000);
        assertThat(fast.total()).isEqualTo(all.size() - spikes);
        assertThat(fast.rows()).allSatisfy(r -> assertThat(r.durationNanos()).isLessThan(250_000_000L));

        Selection cpu = Selection.cpu();
        assertThat(CallTrees.topDown(snapshot, cpu.withDurations(250_000_000L, Long.MAX_VALUE)).total(0))
                .as("samples have no duration: the range leaves them alone")
                .isEqualTo(CallTrees.topDown(snapshot, cpu).total(0));

        // Bounded by the spike requests: the CPU samples of their thread while they ran, counted here.
        long expected = 0;
        for (SampleTable samples : snapshot.samples(SampleKind.CPU)) {
            for (int i = 0; i < samples.length(); i++) {
                int sample = i;
                if (slow.rows().stream().anyMatch(r -> r.threadIndex() == samples.thread(sample)
                        && samples.time(sample) >= r.startNanos()
                        && samples.time(sample) < r.startNanos() + r.durationNanos())) {
                    expected += samples.weight(i);
                }
            }
        }
        assertThat(expected).isPositive();
        Selection duringSpikes = cpu.withDurations(250_000_000L, Long.MAX_VALUE).withDuring("dev.vitals.demo.Request");
        CallTree tree = CallTrees.topDown(snapshot, duringSpikes);
        assertThat(tree.total(0)).isEqualTo(expected);
        Sandwich spike = CallTrees.sandwich(snapshot, duringSpikes, "dev.vitals.demo.Work.spike");
        assertThat((double) spike.callees().total(0) / tree.total(0)).as("Work.spike while the spikes ran")
                .isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void seriesReduceKeepsExtremes() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        Series load = snapshot.series("jdk.CPULoad.machineTotal");
        assertThat(load.length()).isPositive();
        ReducedSeries reduced = ReducedSeries.reduce(load, snapshot.info().startNanos(), snapshot.info().endNanos() + 1, 2);
        double max = 0;
        for (int i = 0; i < load.length(); i++) {
            max = Math.max(max, load.value(i));
        }
        assertThat(reduced.length()).isBetween(1, 2);
        assertThat(Arrays.stream(reduced.max()).max().orElseThrow()).isEqualTo(max);
        assertThat(snapshot.series("jdk.GCHeapSummary.heapUsed").length()).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void truncatedStacksAreMarkedAsJfrPrintSays() {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-default");
        long expected = JfrPrint.events("demo-jdk25-default", "jdk.ExecutionSample").stream()
                .filter(e -> Boolean.TRUE.equals(((Map<String, Object>) ((Map<String, Object>) e.get("values"))
                        .get("stackTrace")).get("truncated")))
                .count();
        var samples = snapshot.samples("jdk.ExecutionSample");
        long actual = 0;
        for (int i = 0; i < samples.length(); i++) {
            if (samples.stack(i) >= 0 && snapshot.stacks().truncated(samples.stack(i))) {
                actual++;
                assertThat(snapshot.stacks().depth(samples.stack(i))).isEqualTo(64);
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(Recordings.snapshot("demo-asprof").samples(SampleKind.WALL)).isNotEmpty();
    }
}
