package dev.vitals.attach;

import dev.vitals.model.query.HotMethod;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Selection;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.management.jfr.FlightRecorderMXBean;
import org.junit.jupiter.api.Test;

import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A JDK 17 demo JVM: streamed by the JDK 25 client, and recorded without streaming. */
class Jdk17TargetTest {
    @TempDir
    Path dir;

    @Test
    void streamsAndRecordsAJdk17Target() throws Exception {
        assumeTrue(TargetJvm.jdk17Installed(), "no JDK 17 at " + TargetJvm.JDK17);
        try (TargetJvm target = TargetJvm.start(TargetJvm.JDK17, List.of())) {
            target.awaitDiscovered(Duration.ofSeconds(5));
            try (Connection connection = Connection.attach(target.pid(), TargetJvm.SLOW_MACHINE)) {
                assertThat(connection.identity().jdkFeature()).isEqualTo(17);
                assertThat(connection.capabilities().streaming()).isTrue();
                assertThat(connection.capabilities().hasMethodTrace()).isFalse();
                assertThat(connection.capabilities().hasCpuTimeSample()).isFalse();

                ModelSink model = ModelSink.newModel(connection.identity().address());
                SessionEnd end = LiveSession.record(connection, SettingsProfile.defaults(), Duration.ofSeconds(5),
                        dir.resolve("live"), model);
                assertThat(end.reason()).isEqualTo(SessionEnd.Reason.STOPPED);
                assertThat(HotMethods.of(model.profile().snapshot(), Selection.cpu(), 3)).extracting(HotMethod::method)
                        .contains("dev.vitals.demo.Work.hashLoop");

                try (LiveSession session = LiveSession.start(connection, SettingsProfile.defaults(), dir.resolve("trace"),
                        ModelSink.newModel(connection.identity().address()))) {
                    // the session's lease on its recording (a duration renewed while it runs) works on JDK 17 too
                    FlightRecorderMXBean recorder = JMX.newMXBeanProxy(connection.mbeans(),
                            new ObjectName(Connection.FLIGHT_RECORDER), FlightRecorderMXBean.class);
                    LiveSessionTest.await(Duration.ofSeconds(5),
                            () -> recorder.getRecordings().stream().anyMatch(r -> r.getDuration() > 0));
                    assertThatThrownBy(() -> session.updateSettings(SettingsProfile.methodTrace("dev.vitals.demo.Work::spike")))
                            .isInstanceOfSatisfying(ConnectionException.class, e -> {
                                assertThat(e.kind()).isEqualTo(ConnectionException.Kind.UNSUPPORTED);
                                assertThat(e.getMessage()).contains("has no event type jdk.MethodTrace");
                            });
                }

                Path dump = RecordingControl.record(connection, SettingsProfile.builtIn("detailed"), Duration.ofSeconds(3),
                        dir.resolve("dump.jfr"));
                long hashLoopSamples = 0;
                long allocationSamples = 0;
                for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
                    String type = event.getEventType().getName();
                    if (type.equals("jdk.ExecutionSample") && event.getStackTrace().getFrames().stream()
                            .anyMatch(f -> f.getMethod().getName().equals("hashLoop"))) {
                        hashLoopSamples++;
                    } else if (type.equals("jdk.ObjectAllocationSample")) {
                        allocationSamples++;
                    }
                }
                assertThat(hashLoopSamples).isPositive();
                assertThat(allocationSamples).isPositive();
            }
        }
    }
}
