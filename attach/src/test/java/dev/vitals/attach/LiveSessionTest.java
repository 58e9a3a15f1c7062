package dev.vitals.attach;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.export.CollapsedExport;
import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.HotMethod;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.OpenedSession;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Selection;
import jdk.jfr.consumer.RecordedEvent;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** One JDK 25 demo JVM: attach, stream, change settings, detach, stream again, kill it mid-stream. */
class LiveSessionTest {
    private static final List<String> THREAD_STATE_EVENTS =
            List.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadSleep");

    @TempDir
    Path sessions;

    @Test
    void streamsLiveChangesSettingsAndSurvivesTheTargetsDeath() throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.JDK25, List.of(), "--spike-every", "1s")) {
            target.awaitDiscovered(Duration.ofSeconds(5));
            try (Connection connection = Connection.attach(target.pid(), TargetJvm.SLOW_MACHINE)) {
                assertThat(connection.identity().pid()).isEqualTo(target.pid());
                assertThat(connection.identity().jdkFeature()).isEqualTo(25);
                assertThat(connection.identity().name()).contains("vitals-demo.jar");
                assertThat(connection.capabilities().streaming()).isTrue();
                assertThat(connection.capabilities().hasMethodTrace()).isTrue();
                assertThat(connection.capabilities().hasCpuTimeSample()).isTrue();
                assertThat(connection.capabilities().eventTypes()).contains("jdk.ExecutionSample", "dev.vitals.demo.Request");

                // 1. stream with the default profile, then trace Work.spike, then detach
                RecordingSink sink = new RecordingSink(connection.identity().address());
                LiveSession session = LiveSession.start(connection, SettingsProfile.defaults(), sessions.resolve("one"), sink.model);
                assertThat(session.transport()).isEqualTo(LiveSession.Transport.REPOSITORY);
                await(Duration.ofSeconds(15), () -> sink.count("jdk.ExecutionSample") >= 50
                        && THREAD_STATE_EVENTS.stream().allMatch(t -> sink.count(t) > 0) && sink.count("dev.vitals.demo.Request") > 0);
                assertThat(sink.hottest()).contains("dev.vitals.demo.Work.hashLoop");
                assertThat(sink.count("jdk.MethodTrace")).isZero();

                session.updateSettings(SettingsProfile.methodTrace("dev.vitals.demo.Work::spike"));
                await(Duration.ofSeconds(10), () -> sink.traced("dev.vitals.demo.Work.spike"));
                assertThat(session.settings()).containsEntry("jdk.MethodTrace#filter", "dev.vitals.demo.Work::spike");

                SessionEnd stopped = session.stop();
                assertThat(stopped.reason()).isEqualTo(SessionEnd.Reason.STOPPED);
                assertThat(stopped.events()).isEqualTo(sink.total());
                assertThat(session.end()).contains(stopped);
                ProfileSnapshot live = sink.model.profile().snapshot();
                assertModelHoldsTheDemo(live);
                Map<String, Long> kept = countEvents(session.chunkFiles());
                assertThat(kept.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(sink.total());
                assertThat(kept).containsKeys("jdk.ExecutionSample", "jdk.MethodTrace", "dev.vitals.demo.Request");
                kept.forEach((type, n) -> assertThat(sink.count(type)).as(type).isEqualTo(n));
                // the live model, read a flush at a time, equals a file import of the same kept chunks
                ProfileSnapshot file = JfrFiles.importFiles("kept", session.chunkFiles(), ImportProgress.NONE, () -> false)
                        .snapshot();
                assertThat(live.info().eventCounts()).isEqualTo(file.info().eventCounts());
                assertThat(CollapsedExport.collapse(live, Selection.cpu(), true))
                        .isEqualTo(CollapsedExport.collapse(file, Selection.cpu(), true));
                assertThat(live.info().chunkCount()).isEqualTo(session.chunkFiles().size());
                assertThat(live.info().warnings()).isEmpty();
                assertThat(connection.lost()).isEmpty();
                assertThat(sessions.resolve("one/stream")).doesNotExist();

                // 2. someone else closes the stream's recording in the target
                RecordingSink third = new RecordingSink(connection.identity().address());
                LiveSession closed = LiveSession.start(connection, SettingsProfile.defaults(), sessions.resolve("closed"), third.model);
                await(Duration.ofSeconds(15), () -> third.count("jdk.ExecutionSample") > 0);
                FlightRecorderMXBean recorder = JMX.newMXBeanProxy(connection.mbeans(),
                        new ObjectName(Connection.FLIGHT_RECORDER), FlightRecorderMXBean.class);
                for (RecordingInfo recording : recorder.getRecordings()) {
                    recorder.closeRecording(recording.getId());
                }
                assertThat(closed.awaitEnd(Duration.ofSeconds(10))).hasValueSatisfying(e -> {
                    assertThat(e.reason()).isEqualTo(SessionEnd.Reason.RECORDING_CLOSED);
                    assertThat(e.message()).contains("closed by someone else");
                });
                assertThat(countEvents(closed.chunkFiles())).containsKey("jdk.ExecutionSample");

                // 3. stream again on the same connection and kill the target mid-stream
                RecordingSink second = new RecordingSink(connection.identity().address());
                LiveSession doomed = LiveSession.start(connection, SettingsProfile.builtIn("detailed"), sessions.resolve("two"), second.model);
                await(Duration.ofSeconds(15), () -> second.count("jdk.ExecutionSample") > 0 && second.flushes.get() >= 2);
                target.kill();
                Optional<SessionEnd> ended = doomed.awaitEnd(Duration.ofSeconds(10));
                assertThat(ended).hasValueSatisfying(e -> {
                    assertThat(e.reason()).isEqualTo(SessionEnd.Reason.TARGET_EXITED);
                    assertThat(e.message()).contains("exited");
                });
                Map<String, Long> survived = countEvents(doomed.chunkFiles());
                assertThat(survived.getOrDefault("jdk.ExecutionSample", 0L)).isPositive();
                assertThat(survived.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(second.total());
                OpenedSession recovered = LiveSessionFolder.recover(sessions.resolve("two"), (done, total) -> { }, () -> false);
                assertThat(recovered.profile().snapshot().samples("jdk.ExecutionSample").length()).isPositive();
                assertThat(connection.lost()).hasValueSatisfying(m -> assertThat(m).contains("exited"));
            }
        }
    }

    @Test
    void aRecordingWhoseSessionStopsRenewingItStopsByItselfInTheTarget() throws Exception {
        Duration lease = Duration.ofSeconds(3);
        try (TargetJvm target = TargetJvm.start(TargetJvm.JDK25, List.of())) {
            target.awaitDiscovered(Duration.ofSeconds(5));
            try (Connection watcher = Connection.attach(target.pid(), TargetJvm.SLOW_MACHINE)) {
                FlightRecorderMXBean recorder = JMX.newMXBeanProxy(watcher.mbeans(),
                        new ObjectName(Connection.FLIGHT_RECORDER), FlightRecorderMXBean.class);
                Connection vitals = Connection.attach(target.pid(), TargetJvm.SLOW_MACHINE);
                RecordingSink sink = new RecordingSink(vitals.identity().address());
                LiveSession session = LiveSession.start(vitals, SettingsProfile.defaults(), sessions.resolve("leased"), sink.model, lease);
                // Renewed while the session runs: still recording well past one lease.
                await(Duration.ofSeconds(15), () -> sink.flushes.get() >= 2);
                Thread.sleep(lease.multipliedBy(2).toMillis());
                assertThat(recorder.getRecordings()).singleElement().satisfies(r -> assertThat(r.getState()).isEqualTo("RUNNING"));

                // Vitals gone (no more renewals): the target stops the recording itself.
                vitals.close();
                await(lease.plusSeconds(10), () -> recorder.getRecordings().stream().anyMatch(r -> r.getState().equals("STOPPED")));
                session.stop();
            }
        }
    }

    /** The demo's hottest method among the model's top three, and each of its threads in its known state. */
    static void assertModelHoldsTheDemo(ProfileSnapshot snapshot) {
        assertThat(HotMethods.of(snapshot, Selection.cpu(), 3)).extracting(HotMethod::method)
                .contains("dev.vitals.demo.Work.hashLoop");
        IntervalTable intervals = snapshot.intervals();
        Map<String, String> stateOfThread = Map.of("parker", "jdk.ThreadPark", "sleeper", "jdk.ThreadSleep",
                "waiter", "jdk.JavaMonitorWait", "contender-", "jdk.JavaMonitorEnter");
        stateOfThread.forEach((thread, type) -> {
            int typeIndex = intervals.typeIndexOf(type);
            assertThat(typeIndex).as(type).isNotNegative();
            boolean found = false;
            for (int i = 0; i < intervals.length() && !found; i++) {
                found = intervals.typeIndex(i) == typeIndex
                        && snapshot.threads().name(intervals.thread(i)).startsWith(thread);
            }
            assertThat(found).as(thread + " in " + type).isTrue();
        });
    }

    static Map<String, Long> countEvents(List<Path> chunks) throws IOException {
        assertThat(chunks).isNotEmpty();
        Map<String, Long> counts = new HashMap<>();
        for (Path chunk : chunks) {
            try (RecordingFile file = new RecordingFile(chunk)) {
                while (file.hasMoreEvents()) {
                    RecordedEvent event = file.readEvent();
                    counts.merge(event.getEventType().getName(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(100);
        }
    }
}
