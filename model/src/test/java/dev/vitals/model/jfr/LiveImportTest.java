package dev.vitals.model.jfr;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleTable;
import dev.vitals.model.export.CollapsedExport;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jdk.jfr.Recording;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live reader on this JVM's own JFR repository, read while JFR writes it: every snapshot is
 * consistent and grows, and once the recording has stopped the live model equals a file import of
 * the same chunk files.
 */
class LiveImportTest {
    static volatile long sink;

    @Test
    void growingChunksReadAFlushAtATimeEqualTheFileImportOfTheSameChunks() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread busy = new Thread(() -> {
            while (running.get()) {
                sink += spin();
            }
        }, "live-busy");
        List<ProfileSnapshot> seen = new ArrayList<>();
        int reads = 0;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ThreadSleep").withoutThreshold().withStackTrace();
            recording.setToDisk(true);
            recording.start();
            Path repository = Path.of(System.getProperty("jdk.jfr.repository"));
            LiveChunks live = new LiveChunks(new ProfileImporter("live"), repository);
            busy.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // at least three flushes, each read as it arrives, while the busy thread goes on
            while (reads < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                if (live.read()) {
                    reads++;
                    seen.add(live.profile().snapshot());
                }
            }
            recording.stop();
            running.set(false);
            busy.join();
            live.read();
            ProfileSnapshot last = live.profile().snapshot();
            seen.add(last);
            List<Path> chunks = LiveChunks.chunkFiles(repository);
            ProfileSnapshot file = JfrFiles.importFiles("file", chunks, ImportProgress.NONE, () -> false).snapshot();

            assertThat(reads).as("reads with new data before the recording stopped").isEqualTo(3);
            assertThat(last.info().eventCounts()).isEqualTo(file.info().eventCounts());
            assertThat(last.info().eventCounts().get("jdk.ExecutionSample")).isPositive();
            assertThat(last.info().chunkCount()).isEqualTo(chunks.size());
            assertThat(CollapsedExport.collapse(last, Selection.cpu(), true))
                    .isEqualTo(CollapsedExport.collapse(file, Selection.cpu(), true));
            assertThat(last.info().warnings()).isEqualTo(file.info().warnings()).isEmpty();
            assertThat(samplesPerThread(last)).isEqualTo(samplesPerThread(file));
        } finally {
            running.set(false);
            busy.join();
        }
        long previous = 0;
        for (ProfileSnapshot snapshot : seen) {
            SampleTable cpu = snapshot.samples("jdk.ExecutionSample");
            long n = cpu == null ? 0 : cpu.length();
            assertThat(n).isGreaterThanOrEqualTo(previous);
            previous = n;
            if (cpu != null) {
                assertThat(snapshot.info().eventCounts().get("jdk.ExecutionSample")).isEqualTo(n);
                for (int i = 0; i < cpu.length(); i++) {
                    assertThat(cpu.stack(i)).isLessThan(snapshot.stacks().length());
                    assertThat(cpu.thread(i)).isLessThan(snapshot.threads().length());
                }
            }
        }
        ProfileSnapshot last = seen.getLast();
        CallTree tree = CallTrees.topDown(last, Selection.cpu().withThreads(Selection.threadsMatching(last, "^live-busy$")));
        assertThat(tree.toCollapsed()).contains("dev.vitals.model.jfr.LiveImportTest.spin");
    }

    /** Execution samples per thread name ("(none)" for a sample without a thread). */
    static Map<String, Long> samplesPerThread(ProfileSnapshot snapshot) {
        Map<String, Long> counts = new TreeMap<>();
        SampleTable cpu = snapshot.samples("jdk.ExecutionSample");
        for (int i = 0; cpu != null && i < cpu.length(); i++) {
            counts.merge(cpu.thread(i) < 0 ? "(none)" : snapshot.threads().name(cpu.thread(i)), 1L, Long::sum);
        }
        return counts;
    }

    private static long spin() {
        long h = 17;
        for (int i = 0; i < 1_000_000; i++) {
            h = h * 31 + i;
        }
        return h;
    }
}
