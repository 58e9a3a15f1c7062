package dev.vitals.model.alert;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.jfr.GrowingChunk;
import dev.vitals.model.jfr.LiveChunks;
import dev.vitals.model.jfr.ProfileImporter;
import dev.vitals.model.session.AlertRule;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert rules over the committed demo recording, checked against the recording itself as the JDK's
 * own {@link RecordingFile} reads it: three 300 ms spike requests (at 2, 4 and 6 s), two contender
 * threads blocking each other for up to 325 ms, ten short G1 pauses, JVM CPU near 100 % after the
 * first second, and a heap a few MB used after each GC.
 */
class AlertEvaluatorTest {
    private static final String DEMO = "demo-jdk25-default";

    @Test
    void theDefaultRulesFireOnlyOnTheDemoSpikeRequests() {
        ProfileSnapshot snapshot = Recordings.snapshot(DEMO);
        List<AlertEvent> fired = AlertEvaluator.evaluate(snapshot, AlertRule.defaults());

        IntervalTable intervals = snapshot.intervals();
        int request = intervals.typeIndexOf("dev.vitals.demo.Request");
        List<long[]> spikes = new ArrayList<>();
        for (int i = 0; i < intervals.length(); i++) {
            if (intervals.typeIndex(i) == request && Boolean.TRUE.equals(intervals.field(i, "spike"))) {
                spikes.add(new long[] {intervals.start(i), intervals.end(i), intervals.thread(i)});
            }
        }
        assertThat(spikes).hasSize(3);
        assertThat(fired).hasSize(3).allSatisfy(e -> {
            assertThat(e.rule()).isInstanceOf(AlertRule.LatencyAbove.class);
            assertThat(e.value()).isBetween(299.0, 320.0);
        });
        for (int k = 0; k < 3; k++) {
            assertThat(fired.get(k).fromNanos()).isEqualTo(spikes.get(k)[0]);
            assertThat(fired.get(k).toNanos()).isEqualTo(spikes.get(k)[1]);
            assertThat(fired.get(k).threads()).containsExactly((int) spikes.get(k)[2]);
            assertThat(snapshot.threads().get((int) spikes.get(k)[2]).name()).isEqualTo("requests");
        }
    }

    @Test
    void aBlockedThreadFiresForEachMonitorEnterOverTheThreshold() throws IOException {
        List<RecordedEvent> truth = jdkEvents("jdk.JavaMonitorEnter", e -> e.getDuration().toMillis() >= 240);
        assertThat(truth).hasSize(4);
        List<AlertEvent> fired = AlertEvaluator.evaluate(Recordings.snapshot(DEMO),
                List.of(new AlertRule.ThreadBlocked("blocked", true, 240)));
        assertThat(fired).extracting(e -> Math.round(e.value() * 1000))
                .containsExactlyElementsOf(truth.stream().map(e -> Math.round(e.getDuration().toNanos() / 1000.0)).toList());
        ProfileSnapshot snapshot = Recordings.snapshot(DEMO);
        assertThat(fired).allSatisfy(e -> assertThat(snapshot.threads().get(e.threads().iterator().next()).name())
                .startsWith("contender-"));
        assertThat(AlertEvaluator.evaluate(snapshot, List.of(new AlertRule.ThreadBlocked("blocked", true, 500)))).isEmpty();
    }

    @Test
    void gcPausesOverTheThresholdFireWithTheirOwnSpan() throws IOException {
        List<RecordedEvent> truth = jdkEvents("jdk.GCPhasePause", e -> e.getDuration().toNanos() > 10_000_000);
        assertThat(truth).hasSize(3);
        List<AlertEvent> fired = AlertEvaluator.evaluate(Recordings.snapshot(DEMO),
                List.of(new AlertRule.GcPauseAbove("gc", true, 10)));
        assertThat(fired).extracting(AlertEvent::fromNanos).containsExactlyElementsOf(truth.stream()
                .map(e -> e.getStartTime().getEpochSecond() * 1_000_000_000L + e.getStartTime().getNano()).toList());
        assertThat(fired).allSatisfy(e -> assertThat(e.threads()).isEmpty());
    }

    @Test
    void heapAfterGcFiresOncePerRunOfFullGcs() throws IOException {
        // After GC, the heap holds 4.3 to 4.7 MB: 1.07 to 1.17 % of the 384 MB committed in the first four
        // GCs, then under 0.9 % once the heap grew. Of the maximum (6 GB) it is never above 0.1 %.
        List<RecordedEvent> after = jdkEvents("jdk.GCHeapSummary", e -> e.getString("when").equals("After GC"));
        RecordedEvent first = after.getFirst();
        double firstPercent = 100 * first.getDouble("heapUsed") / first.getDouble("heapSpace.committedSize");
        List<AlertEvent> fired = AlertEvaluator.evaluate(Recordings.snapshot(DEMO),
                List.of(new AlertRule.HeapAfterGcAbove("heap", true, 1, AlertRule.HeapBase.COMMITTED)));
        assertThat(fired).singleElement().satisfies(e -> {
            assertThat(e.value()).isCloseTo(firstPercent, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.toNanos()).isEqualTo(first.getStartTime().getEpochSecond() * 1_000_000_000L
                    + first.getStartTime().getNano());
        });
        assertThat(AlertEvaluator.evaluate(Recordings.snapshot(DEMO),
                List.of(new AlertRule.HeapAfterGcAbove("heap", true, 0.1, AlertRule.HeapBase.MAX)))).isEmpty();
    }

    @Test
    void cpuFiresOnceWhenTheRunReachesItsLength() throws IOException {
        // jdk.CPULoad once a second: the first value is 0, every later one (user + system) is above 98 %.
        List<RecordedEvent> load = jdkEvents("jdk.CPULoad", e -> true);
        assertThat(load.getFirst().getDouble("jvmUser") + load.getFirst().getDouble("jvmSystem")).isZero();
        assertThat(load.subList(1, load.size())).allSatisfy(e ->
                assertThat(e.getDouble("jvmUser") + e.getDouble("jvmSystem")).isGreaterThan(0.98));
        ProfileSnapshot snapshot = Recordings.snapshot(DEMO);
        List<AlertEvent> fired = AlertEvaluator.evaluate(snapshot, List.of(new AlertRule.CpuAbove("cpu", true, 95, 3)));
        // The run starts at the zero value (each value covers the second before it) and reaches 3 s at the fourth.
        assertThat(fired).singleElement().satisfies(e -> {
            assertThat(e.fromNanos()).isEqualTo(nanos(load.get(0)));
            assertThat(e.toNanos()).isEqualTo(nanos(load.get(3)));
            assertThat(e.value()).isGreaterThan(98);
        });
        assertThat(AlertEvaluator.evaluate(snapshot, AlertRule.defaults().subList(0, 1))).as("10 s in a 7 s recording").isEmpty();
        assertThat(AlertEvaluator.evaluate(snapshot, List.of(new AlertRule.CpuAbove("cpu", false, 95, 3))))
                .as("disabled").isEmpty();
    }

    @Test
    void evaluatingAsTheDataArriveFindsWhatTheWholeRecordingHolds(@TempDir Path folder) throws IOException {
        List<AlertRule> rules = List.of(new AlertRule.ThreadBlocked("blocked", true, 240),
                new AlertRule.GcPauseAbove("gc", true, 10), new AlertRule.CpuAbove("cpu", true, 95, 3),
                new AlertRule.HeapAfterGcAbove("heap", true, 1, AlertRule.HeapBase.COMMITTED),
                AlertRule.defaults().get(3));
        AlertEvaluator evaluator = new AlertEvaluator(rules);
        List<AlertEvent> live = new ArrayList<>();
        int batch = 0;
        // the recording as it was written, read a flush at a time
        GrowingChunk chunk = new GrowingChunk(Recordings.path(DEMO));
        LiveChunks reader = new LiveChunks(new ProfileImporter("live"), folder);
        List<GrowingChunk.Flush> flushes = chunk.flushes();
        for (GrowingChunk.Flush flush : flushes.subList(0, flushes.size() - 1)) {
            chunk.writeUpTo(flush, folder.resolve("demo.jfr"));
            reader.read();
            live.addAll(evaluator.advance(reader.profile().snapshot(), false));
            batch++;
        }
        chunk.writeUpTo(flushes.getLast(), folder.resolve("demo.jfr"));
        reader.read();
        ProfileSnapshot whole = reader.profile().snapshot();
        int beforeTheEnd = live.size();
        live.addAll(evaluator.advance(whole, true));
        assertThat(batch).isGreaterThan(5);
        assertThat(beforeTheEnd).as("alerts found while the data arrive").isGreaterThan(6);
        assertThat(Set.copyOf(live)).isEqualTo(Set.copyOf(AlertEvaluator.evaluate(whole, rules)));
        assertThat(live).hasSize(3 + 4 + 3 + 1 + 1);
    }

    private static long nanos(RecordedEvent e) {
        return e.getStartTime().getEpochSecond() * 1_000_000_000L + e.getStartTime().getNano();
    }

    /** The events of a type in the recording, by start time, as the JDK reads them. */
    private static List<RecordedEvent> jdkEvents(String type, Predicate<RecordedEvent> filter) throws IOException {
        return RecordingFile.readAllEvents(Recordings.path(DEMO)).stream()
                .filter(e -> e.getEventType().getName().equals(type)).filter(filter)
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime)).toList();
    }
}
