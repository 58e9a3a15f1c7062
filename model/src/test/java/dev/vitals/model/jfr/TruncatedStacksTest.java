package dev.vitals.model.jfr;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleTable;
import dev.vitals.model.StackTable;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Stacks deeper than the JVM's stack depth (64 by default) are marked truncated. */
class TruncatedStacksTest {
    static volatile long sink;

    @TempDir
    Path dir;

    @Test
    void deepStacksAreMarkedAndShownUnderAMarkerNode() throws Exception {
        Path file = dir.resolve("deep.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Thread deep = new Thread(() -> recurse(100, System.nanoTime() + 1_500_000_000L), "deep");
            deep.start();
            deep.join();
            recording.stop();
            recording.dump(file);
        }
        long expected = 0;
        long deepSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                expected += event.getStackTrace().isTruncated() ? 1 : 0;
                deepSamples += event.getThread("sampledThread").getJavaName().equals("deep") ? 1 : 0;
            }
        }
        assertThat(deepSamples).isPositive();
        assertThat(expected).isGreaterThanOrEqualTo(deepSamples);

        ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
        SampleTable cpu = snapshot.samples("jdk.ExecutionSample");
        long marked = 0;
        for (int i = 0; i < cpu.length(); i++) {
            if (cpu.stack(i) >= 0 && snapshot.stacks().truncated(cpu.stack(i))) {
                marked++;
                assertThat(snapshot.stacks().depth(cpu.stack(i))).isEqualTo(64);
            }
        }
        assertThat(marked).isEqualTo(expected);
        CallTree tree = CallTrees.topDown(snapshot, Selection.cpu());
        int marker = tree.findNode(StackTable.TRUNCATED_NAME);
        assertThat(tree.total(marker)).isEqualTo(expected);
        assertThat(tree.findChild(marker, "dev.vitals.model.jfr.TruncatedStacksTest.recurse")).isNotNegative();
    }

    private static long recurse(int depth, long deadline) {
        if (depth == 0) {
            long h = 0;
            while (System.nanoTime() < deadline) {
                h = h * 31 + 7;
            }
            sink += h;
            return h;
        }
        return recurse(depth - 1, deadline) + 1;
    }
}
