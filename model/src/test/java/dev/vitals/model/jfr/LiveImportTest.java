package dev.vitals.model.jfr;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleTable;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jdk.jfr.consumer.RecordingStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The same importer fed by a live in-process stream, read while it grows. */
class LiveImportTest {
    static volatile long sink;

    @Test
    void liveStreamThroughTheSameImporterGivesConsistentGrowingSnapshots() throws Exception {
        ProfileImporter importer = new ProfileImporter("live");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread busy = new Thread(() -> {
            while (running.get()) {
                sink += spin();
            }
        }, "live-busy");
        CountDownLatch flushes = new CountDownLatch(3);
        List<ProfileSnapshot> seen = new ArrayList<>();
        try (RecordingStream stream = new RecordingStream()) {
            stream.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            stream.onEvent(importer::accept);
            stream.onFlush(() -> {
                importer.publish();
                flushes.countDown();
            });
            stream.startAsync();
            busy.start();
            // a reader on this thread while the stream's thread writes
            while (!flushes.await(50, TimeUnit.MILLISECONDS)) {
                seen.add(importer.profile().snapshot());
            }
        } finally {
            running.set(false);
            busy.join();
        }
        seen.add(importer.profile().snapshot());
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
        assertThat(last.samples("jdk.ExecutionSample").length()).isPositive();
        CallTree tree = CallTrees.topDown(last, Selection.cpu().withThreads(Selection.threadsMatching(last, "^live-busy$")));
        assertThat(tree.toCollapsed()).contains("dev.vitals.model.jfr.LiveImportTest.spin");
    }

    private static long spin() {
        long h = 17;
        for (int i = 0; i < 1_000_000; i++) {
            h = h * 31 + i;
        }
        return h;
    }
}
