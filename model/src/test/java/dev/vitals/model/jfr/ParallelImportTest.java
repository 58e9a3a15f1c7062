package dev.vitals.model.jfr;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.SampleTable;
import dev.vitals.model.Series;
import dev.vitals.model.TimeSegments;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.jfr.internal.ChunkScanner.Chunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chunks decoded in parallel, each into a store of its own and merged in chunk order, give the same
 * model as the chunks decoded one after another into the model: every table row for row (methods,
 * frames, stack rows, threads, samples with their segments, intervals with their fields, series),
 * the counts, times and warnings. Checked on a file of seven chunks from four JVMs (JDK 17, JDK 25,
 * async-profiler: their ids collide across chunks). Cancelling stops the decoding threads.
 */
class ParallelImportTest {
    private static final String DECODER_THREAD = "vitals-chunk-decoder-";

    @TempDir
    Path dir;

    /** The committed recordings appended into one file: 7 chunks, from four JVMs. */
    private Path manyChunks() throws IOException {
        Path file = dir.resolve("many-chunks.jfr");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (String name : List.of("demo-multichunk", "demo-jdk17-default", "demo-asprof", "demo-jdk25-profile",
                    "demo-multichunk")) {
                Files.copy(Recordings.path(name), out);
            }
        }
        return file;
    }

    @Test
    void parallelDecodingGivesTheSequentialModel() throws Exception {
        Path file = manyChunks();
        assertThat(ChunkScanner.scan(file).chunks()).hasSize(7);
        AtomicBoolean workersSeen = new AtomicBoolean();
        AtomicLong last = new AtomicLong(-1);
        long size = Files.size(file);
        ProfileSnapshot parallel = JfrFiles.importFiles(file.toString(), List.of(file), (done, total) -> {
            assertThat(done).isGreaterThanOrEqualTo(last.get()).isLessThanOrEqualTo(total);
            last.set(done);
            workersSeen.compareAndSet(false, decoderThreadsAlive());
        }, () -> false, 4).snapshot();
        ProfileSnapshot sequential = JfrFiles.importFiles(file.toString(), List.of(file), ImportProgress.NONE,
                () -> false, 1).snapshot();

        assertThat(workersSeen).as("chunks were decoded on worker threads").isTrue();
        assertThat(last.get()).isEqualTo(size);
        assertThat(parallel.sampleCount()).isGreaterThan(10_000);
        assertThat(rows(parallel)).isEqualTo(rows(sequential));
        assertThat(parallel.info()).isEqualTo(sequential.info());
        assertNoDecoderThreadsSoon();
    }

    @Test
    void theChunkFilesOfASessionDecodeInParallelToTheSequentialModel() throws Exception {
        Path whole = manyChunks();
        byte[] bytes = Files.readAllBytes(whole);
        List<Path> files = new ArrayList<>();
        for (Chunk chunk : ChunkScanner.scan(whole).chunks()) {
            Path file = dir.resolve("chunk-" + chunk.index() + ".jfr");
            Files.write(file, Arrays.copyOfRange(bytes, (int) chunk.offset(), (int) (chunk.offset() + chunk.size())));
            files.add(file);
            if (chunk.index() == 3) {
                Path notJfr = dir.resolve("notes.jfr");
                Files.writeString(notJfr, "not a recording");
                files.add(notJfr);
            }
        }
        AtomicBoolean workersSeen = new AtomicBoolean();
        AtomicLong last = new AtomicLong(-1);
        ProfileSnapshot parallel = JfrFiles.importFiles("session", files, (done, total) -> {
            assertThat(done).isGreaterThanOrEqualTo(last.get()).isLessThanOrEqualTo(total);
            last.set(done);
            workersSeen.compareAndSet(false, decoderThreadsAlive());
        }, () -> false, 4).snapshot();
        ProfileSnapshot sequential = JfrFiles.importFiles("session", files, ImportProgress.NONE, () -> false, 1)
                .snapshot();

        assertThat(workersSeen).as("chunk files were decoded on worker threads").isTrue();
        assertThat(parallel.info().chunkCount()).isEqualTo(7);
        assertThat(parallel.info().warnings()).hasSize(1).first().asString()
                .startsWith(dir.resolve("notes.jfr") + ": ").endsWith("; skipped");
        assertThat(rows(parallel)).isEqualTo(rows(sequential));
        assertThat(parallel.info()).isEqualTo(sequential.info());
        assertNoDecoderThreadsSoon();
    }

    @Test
    void aDamagedChunkIsSkippedAsInTheSequentialImport() throws Exception {
        Path file = manyChunks();
        Chunk third = ChunkScanner.scan(file).chunks().get(2);
        byte[] bytes = Files.readAllBytes(file);
        // the third chunk keeps its header; its records are zeros, so no metadata can be found
        Arrays.fill(bytes, (int) third.offset() + 68, (int) (third.offset() + third.size()), (byte) 0);
        Files.write(file, bytes);
        ProfileSnapshot parallel = JfrFiles.importFiles(file.toString(), List.of(file), ImportProgress.NONE,
                () -> false, 4).snapshot();
        ProfileSnapshot sequential = JfrFiles.importFiles(file.toString(), List.of(file), ImportProgress.NONE,
                () -> false, 1).snapshot();

        assertThat(parallel.info().warnings()).containsExactly(file + ": skipped chunk 3 at offset " + third.offset()
                + ": corrupt (no metadata in the first 68 bytes)");
        assertThat(parallel.info()).isEqualTo(sequential.info());
        assertThat(parallel.info().chunkCount()).isEqualTo(6);
        // the sequential import keeps the rows the failed chunk interned before it failed (none
        // here, as it fails before any event); the events and their stacks are the same either way
        assertThat(resolvedSamples(parallel)).isEqualTo(resolvedSamples(sequential)).hasSizeGreaterThan(10_000);
    }

    @Test
    void cancellingStopsTheDecodingThreads() throws Exception {
        Path file = manyChunks();
        AtomicBoolean cancel = new AtomicBoolean();
        assertThatThrownBy(() -> JfrFiles.importFiles(file.toString(), List.of(file),
                (done, total) -> cancel.set(decoderThreadsAlive()), cancel::get, 4))
                .isInstanceOf(CancellationException.class)
                .hasMessage("import of " + file + " cancelled");
        assertThat(cancel).as("cancelled while decoding threads ran").isTrue();
        assertNoDecoderThreadsSoon();
    }

    @Test
    void oneChunkOrOneCoreOrALittleHeapDecodesOnTheCallingThread() throws Exception {
        List<Chunk> chunks = ChunkScanner.scan(manyChunks()).chunks();
        long largest = chunks.stream().mapToLong(Chunk::available).max().orElseThrow();
        assertThat(ChunkImports.window(chunks, 2, 1L << 32)).isEqualTo(3);
        assertThat(ChunkImports.window(chunks, 16, 1L << 32)).isEqualTo(7);
        assertThat(ChunkImports.window(chunks.subList(0, 1), 16, 1L << 32)).isEqualTo(1);
        assertThat(ChunkImports.window(chunks, 1, 1L << 32)).isEqualTo(1);
        assertThat(ChunkImports.window(chunks, 16, largest * 2 * 4 * 2)).isEqualTo(2);
        assertThat(ChunkImports.window(chunks, 16, largest)).isEqualTo(1);
    }

    /** The pool has ended when the import returns; its threads are gone a moment later. */
    private static void assertNoDecoderThreadsSoon() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (decoderThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(decoderThreadsAlive()).as("decoding threads still running").isFalse();
    }

    private static boolean decoderThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith(DECODER_THREAD));
    }

    /** Every row of every table as text, with the segments of the time-sorted tables. */
    private static List<String> rows(ProfileSnapshot s) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < s.methods().length(); i++) {
            rows.add("method " + i + " " + s.methods().get(i));
        }
        for (int i = 0; i < s.frames().length(); i++) {
            rows.add("frame " + i + " " + s.frames().method(i) + " " + s.frames().line(i) + " " + s.frames().type(i));
        }
        for (int i = 0; i < s.stacks().length(); i++) {
            rows.add("stack " + i + " " + s.stacks().parent(i) + " " + s.stacks().frame(i) + " " + s.stacks().depth(i)
                    + " " + s.stacks().truncated(i));
        }
        for (int i = 0; i < s.threads().length(); i++) {
            rows.add("thread " + i + " " + s.threads().get(i));
        }
        for (SampleTable t : s.samples()) {
            rows.add("samples " + t.eventType() + " " + t.kind() + " segments " + segments(t.segments()));
            for (int i = 0; i < t.length(); i++) {
                rows.add(t.time(i) + " " + t.thread(i) + " " + t.stack(i) + " " + t.weight(i));
            }
        }
        IntervalTable intervals = s.intervals();
        for (int i = 0; i < intervals.typeCount(); i++) {
            rows.add("type " + i + " " + intervals.type(i));
        }
        rows.add("intervals segments " + segments(intervals.segments()) + " max " + intervals.maxDuration());
        for (int i = 0; i < intervals.length(); i++) {
            rows.add(intervals.start(i) + " " + intervals.duration(i) + " " + intervals.thread(i) + " "
                    + intervals.stack(i) + " " + intervals.typeIndex(i) + " " + Arrays.toString(intervals.fields(i)));
        }
        for (Series series : s.series()) {
            rows.add("series " + series.name() + " " + series.unit() + " segments " + segments(series.segments()));
            for (int i = 0; i < series.length(); i++) {
                rows.add(series.time(i) + " " + series.value(i));
            }
        }
        return rows;
    }

    /** Every sample with its thread's name and its stack's frame names, root first. */
    private static List<String> resolvedSamples(ProfileSnapshot s) {
        List<String> rows = new ArrayList<>();
        int[] frames = new int[4096];
        for (SampleTable t : s.samples()) {
            for (int i = 0; i < t.length(); i++) {
                StringBuilder row = new StringBuilder(t.eventType()).append(' ').append(t.time(i)).append(' ')
                        .append(t.thread(i) < 0 ? "-" : s.threads().name(t.thread(i))).append(' ').append(t.weight(i));
                int stack = t.stack(i);
                int n = stack < 0 ? 0 : s.stacks().framesRootFirst(stack, frames);
                for (int f = 0; f < n; f++) {
                    row.append(';').append(s.methods().frameName(s.frames().method(frames[f])))
                            .append(':').append(s.frames().line(frames[f]));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> segments(TimeSegments segments) {
        List<String> ranges = new ArrayList<>();
        segments.forEachRange(Long.MIN_VALUE, Long.MAX_VALUE, (from, to) -> ranges.add(from + "-" + to));
        return ranges;
    }
}
