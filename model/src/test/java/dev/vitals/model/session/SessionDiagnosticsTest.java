package dev.vitals.model.session;

import dev.vitals.model.Recordings;
import dev.vitals.model.diagnostics.DeadlockCycle;
import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.LockRef;
import dev.vitals.model.diagnostics.StackFrame;
import dev.vitals.model.diagnostics.ThreadDump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Dumps and histograms kept with a session: packed from a live folder, reopened, kept through a resave. */
class SessionDiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void keptThroughPackOpenAndResave() throws Exception {
        Bookmark alert = new Bookmark(1_000, 2_000, "Slow requests: p99 312 ms");
        ThreadDump dump = new ThreadDump(1_700_000_000_000L, "jvm", List.of(thread(7, 9), thread(9, 7)),
                List.of(new DeadlockCycle(List.of(7L, 9L))));
        HeapHistogram histogram = HeapHistogram.parse("   1:   10   160  [B (java.base@25)\n", 1_700_000_001_000L, true);
        SessionDiagnostics kept = new SessionDiagnostics(List.of(new SessionDiagnostics.Dump(dump, null),
                new SessionDiagnostics.Dump(dump, alert), new SessionDiagnostics.Histogram(histogram, alert)),
                Map.of("Slow requests", Set.of(AlertAction.THREAD_DUMP, AlertAction.HEAP_HISTOGRAM), "CPU", Set.of()));
        assertThat(kept.alertActions()).containsOnlyKeys("Slow requests");

        LiveSessionFolder folder = LiveSessionFolder.create(dir.resolve("live"), SessionManifest.empty("test"));
        Files.copy(Recordings.path("demo-jdk25-default"), folder.recordingDirectory().resolve("chunk-0001.jfr"));
        folder.writeDiagnostics(kept);
        assertThat(SessionDiagnostics.read(folder.directory())).isEqualTo(kept);
        Path packed = dir.resolve("live.vitals");
        folder.pack(packed);
        assertThat(SessionDiagnostics.read(packed)).isEqualTo(kept);
        assertThat(SessionDiagnostics.read(packed).evidenceFor(alert)).hasSize(2);
        assertThat(SessionDiagnostics.read(packed).threadDumps()).containsExactly(dump, dump);
        assertThat(SessionFile.open(packed).profile().snapshot().info().chunkCount()).isPositive();

        SessionManifest annotated = SessionFile.open(packed).manifest()
                .withAnnotations(List.of(alert), List.of(), "kept");
        SessionFile.resave(packed, packed, annotated);
        assertThat(SessionDiagnostics.read(packed)).isEqualTo(kept);
        assertThat(SessionFile.open(packed).manifest().notes()).isEqualTo("kept");

        assertThat(SessionDiagnostics.read(Recordings.path("demo-jdk25-default").getParent()).items()).isEmpty();
        assertThat(SessionDiagnostics.none().entries()).isEqualTo(Map.of());
    }

    private static DumpedThread thread(long id, long owner) {
        return new DumpedThread(id, "t" + id, Thread.State.BLOCKED, false, 5, 10, false,
                List.of(new StackFrame("a.B", "c", "B.java", 3, List.of(new LockRef("java.lang.Object", (int) id)))),
                new LockRef("java.lang.Object", (int) owner), owner, "t" + owner, List.of());
    }
}
