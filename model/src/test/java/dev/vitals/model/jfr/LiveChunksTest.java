package dev.vitals.model.jfr;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.export.CollapsedExport;
import dev.vitals.model.jfr.internal.ChunkScanner;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk read a flush at a time as JFR wrote it (each flush's records once, the constants of each
 * flush's checkpoint, the header's size as the limit) equals, after every flush, a whole import of
 * the chunk as it was then, and at the end the import of the finished file.
 */
class LiveChunksTest {
    @ParameterizedTest
    @ValueSource(strings = {"demo-jdk25-default", "demo-jdk17-default", "demo-jdk25-profile"})
    void aGrowingChunkReadInPiecesEqualsReadingItWhole(String name, @TempDir Path folder) throws Exception {
        GrowingChunk chunk = new GrowingChunk(Recordings.path(name));
        Path live = Files.createDirectory(folder.resolve("live"));
        Path copy = live.resolve("chunk.jfr");
        LiveChunks reader = new LiveChunks(new ProfileImporter("live"), live);
        List<GrowingChunk.Flush> flushes = chunk.flushes();
        assertThat(flushes).as("flushes in the recording").hasSizeGreaterThan(5);
        long previousSamples = 0;
        for (GrowingChunk.Flush flush : flushes) {
            chunk.writeUpTo(flush, copy);
            assertThat(reader.read()).as("new data after the flush ending at " + flush.end()).isTrue();
            assertThat(reader.read()).as("nothing new without a flush").isFalse();
            Path whole = folder.resolve("as-of-" + flush.end() + ".jfr");
            Files.copy(copy, whole);
            ProfileSnapshot expected = JfrFiles.importFile(whole).snapshot();
            ProfileSnapshot actual = reader.profile().snapshot();
            assertThat(actual.info().eventCounts()).isEqualTo(expected.info().eventCounts());
            assertThat(CollapsedExport.collapse(actual, Selection.cpu(), true))
                    .isEqualTo(CollapsedExport.collapse(expected, Selection.cpu(), true));
            assertThat(actual.intervals().length()).isEqualTo(expected.intervals().length());
            assertThat(lasting(actual.intervals())).as("lasting events per type, counted flush by flush")
                    .isEqualTo(lasting(expected.intervals()));
            assertThat(actual.info().endNanos()).isEqualTo(expected.info().endNanos());
            assertThat(actual.info().warnings()).isEmpty();
            long samples = actual.info().eventCounts().getOrDefault("jdk.ExecutionSample", 0L);
            assertThat(samples).isGreaterThanOrEqualTo(previousSamples);
            previousSamples = samples;
        }
        ProfileSnapshot file = JfrFiles.importFile(Recordings.path(name)).snapshot();
        ProfileSnapshot last = reader.profile().snapshot();
        assertThat(last.info().eventCounts()).isEqualTo(file.info().eventCounts());
        assertThat(CollapsedExport.collapse(last, Selection.cpu(), true))
                .isEqualTo(CollapsedExport.collapse(file, Selection.cpu(), true));
        assertThat(last.info().chunkCount()).isEqualTo(1);
        assertThat(last.info().startNanos()).isEqualTo(file.info().startNanos());
        assertThat(last.info().endNanos()).isEqualTo(file.info().endNanos());
    }

    private static Map<String, Long> lasting(IntervalTable intervals) {
        Map<String, Long> counts = new TreeMap<>();
        for (int t = 0; t < intervals.typeCount(); t++) {
            counts.put(intervals.type(t).name(), intervals.lastingCount(t));
        }
        return counts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo-multichunk"})
    void chunksAfterEachOtherAreReadInOrderOnceEachIsFinished(String name, @TempDir Path folder) throws Exception {
        Path live = Files.createDirectory(folder.resolve("live"));
        byte[] bytes = Files.readAllBytes(Recordings.path(name));
        List<ChunkScanner.Chunk> chunks = ChunkScanner.scan(Recordings.path(name)).chunks();
        assertThat(chunks).hasSizeGreaterThan(1);
        LiveChunks reader = new LiveChunks(new ProfileImporter("live"), live);
        for (ChunkScanner.Chunk chunk : chunks) {
            byte[] part = Arrays.copyOfRange(bytes, (int) chunk.offset(), (int) (chunk.offset() + chunk.size()));
            Files.write(live.resolve(String.format("chunk-%03d.jfr", chunk.index())), part);
            assertThat(reader.read()).isTrue();
            assertThat(reader.profile().snapshot().info().chunkCount()).isEqualTo(chunk.index() + 1);
        }
        ProfileSnapshot file = JfrFiles.importFile(Recordings.path(name)).snapshot();
        ProfileSnapshot last = reader.profile().snapshot();
        assertThat(last.info().eventCounts()).isEqualTo(file.info().eventCounts());
        assertThat(CollapsedExport.collapse(last, Selection.cpu(), true))
                .isEqualTo(CollapsedExport.collapse(file, Selection.cpu(), true));
    }
}
