package dev.vitals.model.session;

import dev.vitals.model.Recordings;
import dev.vitals.model.diagnostics.DeadlockCycle;
import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.diagnostics.LockRef;
import dev.vitals.model.diagnostics.StackFrame;
import dev.vitals.model.diagnostics.ThreadDump;
import dev.vitals.model.jfr.internal.ChunkScanner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Dumps, histograms and snapshots kept with a session: packed from a live folder, reopened, kept through a resave. */
class SessionDiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void keptThroughPackOpenAndResave() throws Exception {
        Bookmark alert = new Bookmark(1_000, 2_000, "Slow requests: p99 312 ms");
        ThreadDump dump = new ThreadDump(1_700_000_000_000L, "jvm", List.of(thread(7, 9), thread(9, 7)),
                List.of(new DeadlockCycle(List.of(7L, 9L))));
        HeapHistogram histogram = HeapHistogram.parse("   1:   10   160  [B (java.base@25)\n", 1_700_000_001_000L, true);
        LiveSessionFolder folder = LiveSessionFolder.create(dir.resolve("live"), SessionManifest.empty("test"));
        Files.copy(Recordings.path("demo-jdk25-default"), folder.recordingDirectory().resolve("chunk-0001.jfr"));
        String entry = SessionDiagnostics.SNAPSHOTS + "alert-1.vitals";
        folder.snapshot(entry, SessionManifest.empty("test").withAnnotations(List.of(alert), List.of(), ""), 0);
        SessionDiagnostics kept = new SessionDiagnostics(List.of(new SessionDiagnostics.Dump(dump, null),
                new SessionDiagnostics.Dump(dump, alert), new SessionDiagnostics.Histogram(histogram, alert),
                new SessionDiagnostics.Snapshot(entry, 5, 1_700_000_002_000L, alert)));
        folder.writeDiagnostics(kept);
        assertThat(SessionDiagnostics.read(folder.directory())).isEqualTo(kept);
        Path packed = dir.resolve("live.vitals");
        folder.pack(packed);
        assertThat(SessionDiagnostics.read(packed)).isEqualTo(kept);
        assertThat(SessionDiagnostics.read(packed).evidenceFor(alert)).hasSize(3);
        assertThat(SessionDiagnostics.read(packed).threadDumps()).containsExactly(dump, dump);
        assertThat(SessionFile.open(packed).profile().snapshot().info().chunkCount()).isPositive();

        SessionManifest annotated = SessionFile.open(packed).manifest()
                .withAnnotations(List.of(alert), List.of(), "kept");
        SessionFile.resave(packed, packed, annotated);
        assertThat(SessionDiagnostics.read(packed)).isEqualTo(kept);
        assertThat(SessionFile.open(packed).manifest().notes()).isEqualTo("kept");
        // the snapshot went along: taken out of the file, it opens as a session of its own
        Path snapshot = SessionFile.snapshot(packed, entry, Files.createDirectories(dir.resolve("scratch")));
        OpenedSession opened = SessionFile.open(snapshot);
        assertThat(opened.manifest().bookmarks()).containsExactly(alert);
        assertThat(opened.profile().snapshot().info().chunkCount())
                .isEqualTo(SessionFile.open(packed).profile().snapshot().info().chunkCount());
        assertThat(SessionFile.snapshot(folder.directory(), entry, dir)).isEqualTo(folder.directory().resolve(entry));

        assertThat(SessionDiagnostics.read(Recordings.path("demo-jdk25-default").getParent()).items()).isEmpty();
        assertThat(SessionDiagnostics.none().entries()).isEqualTo(Map.of());
    }

    /** A snapshot keeps the chunks holding data from its start on, and only those. */
    @Test
    void aSnapshotKeepsTheChunksCoveringItsSpan() throws Exception {
        LiveSessionFolder folder = LiveSessionFolder.create(dir.resolve("live"), SessionManifest.empty("test"));
        Path older = Recordings.path("demo-jdk25-default");
        Path newer = Recordings.path("demo-jdk17-default");
        long olderEnd = end(older);
        long newerEnd = end(newer);
        assertThat(olderEnd).as("the JDK 25 recording was made first").isLessThan(newerEnd);
        Files.copy(older, folder.recordingDirectory().resolve("chunk-0001.jfr"));
        Files.copy(newer, folder.recordingDirectory().resolve("chunk-0002.jfr"));

        Path recent = folder.snapshot(SessionDiagnostics.SNAPSHOTS + "recent.vitals", SessionManifest.empty("test"),
                olderEnd + 1);
        assertThat(SessionFile.open(recent).manifest().chunks()).hasSize(chunks(newer));
        Path all = folder.snapshot(SessionDiagnostics.SNAPSHOTS + "all.vitals", SessionManifest.empty("test"), olderEnd);
        assertThat(SessionFile.open(all).manifest().chunks()).hasSize(chunks(older) + chunks(newer));
        assertThat(folder.chunkFiles()).as("a snapshot never lands among the chunks").hasSize(2);
    }

    private static long end(Path recording) throws Exception {
        return ChunkScanner.scan(recording).wholeChunks().stream()
                .mapToLong(c -> c.header().startNanos() + c.header().durationNanos()).max().orElseThrow();
    }

    private static int chunks(Path recording) throws Exception {
        return ChunkScanner.scan(recording).wholeChunks().size();
    }

    private static DumpedThread thread(long id, long owner) {
        return new DumpedThread(id, "t" + id, Thread.State.BLOCKED, false, 5, 10, false,
                List.of(new StackFrame("a.B", "c", "B.java", 3, List.of(new LockRef("java.lang.Object", (int) id)))),
                new LockRef("java.lang.Object", (int) owner), owner, "t" + owner, List.of());
    }
}
