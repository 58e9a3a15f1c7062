package dev.vitals.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vitals.model.jfr.JfrFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overhead estimate on the demo: JFR's writing time streamed live, and the fallback for a recording without it. */
class OverheadEstimateTest {

    @Test
    void aLiveDemoSessionReportsJfrsWritingTimeAsASmallShareOfACore(@TempDir Path dir) throws Exception {
        try (TargetJvm demo = TargetJvm.start(TargetJvm.JDK25, List.of(), "--spike-every", "2s")) {
            demo.awaitDiscovered(Duration.ofSeconds(30));
            SettingsProfile profile = SettingsProfile.defaults();
            OverheadEstimate overhead = new OverheadEstimate(profile.settings());
            try (Connection connection = Connection.attach(demo.pid(), TargetJvm.SLOW_MACHINE)) {
                LiveSession.record(connection, profile, Duration.ofSeconds(6), dir, new ModelSink("demo", overhead::update));
            }
            OverheadEstimate.Estimate estimate = overhead.estimate();
            assertThat(estimate.flushes()).as("about one flush a second").isBetween(3L, 12L);
            assertThat(estimate.jfrWriteShare()).isGreaterThan(0).isLessThan(0.05);
            // the demo keeps about two of its threads busy
            assertThat(estimate.jvmCpu()).isGreaterThan(0).isLessThanOrEqualTo(1);
            assertThat(estimate.describe()).startsWith("Target: JFR writing ").contains("% of a core, JVM ");
        }
    }

    @Test
    void aRecordingWithoutFlushEventsFallsBackToTheSamplingPeriod() throws Exception {
        OverheadEstimate overhead = new OverheadEstimate(SettingsProfile.defaults().settings());
        Path recording = Path.of("../model/src/test/resources/recordings/demo-jdk25-default.jfr");
        overhead.update(JfrFiles.importFile(recording).snapshot());
        double lastJvmCpu = Double.NaN;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.CPULoad")) {
                lastJvmCpu = (double) event.getFloat("jvmUser") + event.getFloat("jvmSystem");
            }
        }
        OverheadEstimate.Estimate estimate = overhead.estimate();
        assertThat(estimate.flushes()).isZero();
        assertThat(estimate.jfrWriteShare()).isNaN();
        assertThat(estimate.jvmCpu()).isCloseTo(lastJvmCpu, within(1e-9));
        assertThat(estimate.describe()).isEqualTo(String.format("Target: JFR cost not reported, sampling every 20 ms, JVM %.0f %% CPU",
                100 * lastJvmCpu));
    }
}
