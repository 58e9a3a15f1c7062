package dev.vitals.model.jfr;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void notJfr() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello, this is not a recording\n");
        assertThatThrownBy(() -> JfrFiles.importFile(file))
                .isInstanceOf(JfrImportException.class)
                .hasMessage(file + ": not a JFR recording (it does not start with the bytes FLR)");
    }

    @Test
    void empty() throws IOException {
        Path file = Files.write(dir.resolve("empty.jfr"), new byte[0]);
        assertThatThrownBy(() -> JfrFiles.importFile(file))
                .isInstanceOf(JfrImportException.class)
                .hasMessage(file + ": the file is empty");
    }

    @Test
    void truncatedOnlyChunkKeepsItsEventsUpToTheCutAndSaysHowMuchWasLost() throws Exception {
        byte[] good = Files.readAllBytes(Recordings.path("demo-jdk25-default"));
        Path file = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(good, good.length / 2));
        ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
        Map<String, Long> whole = Recordings.goldenCounts("demo-jdk25-default");
        long kept = snapshot.info().eventCounts().get("jdk.ExecutionSample");
        assertThat(kept).isPositive().isLessThan(whole.get("jdk.ExecutionSample"));
        assertThat(snapshot.samples("jdk.ExecutionSample").length()).isEqualTo(kept);
        assertThat(snapshot.info().warnings()).singleElement().asString()
                .startsWith(file + ": chunk 1 at offset 0: truncated (" + good.length / 2 + " bytes of " + good.length
                        + "); kept its records up to offset ")
                .endsWith(" bytes");
    }

    @Test
    void truncatedBeforeAnyMetadataSaysSo() throws IOException {
        byte[] good = Files.readAllBytes(Recordings.path("demo-jdk25-default"));
        Path file = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(good, 200));
        assertThatThrownBy(() -> JfrFiles.importFile(file))
                .isInstanceOf(JfrImportException.class)
                .hasMessageStartingWith(file + ": skipped chunk 1 at offset 0: truncated (200 bytes of " + good.length
                        + "), nothing readable before the cut (no metadata in the first ")
                .hasMessageEndingWith("nothing could be imported");
    }

    @Test
    void truncatedLastChunkKeepsTheWholeOnesAndWarns() throws Exception {
        byte[] good = Files.readAllBytes(Recordings.path("demo-multichunk"));
        long firstSize = ByteBuffer.wrap(good).getLong(8);
        Path file = Files.write(dir.resolve("cut-multi.jfr"), Arrays.copyOf(good, (int) firstSize + 5000));
        ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
        ProfileSnapshot first = Recordings.snapshot("demo-jdk25-default");
        assertThat(snapshot.info().chunkCount()).isEqualTo(1);
        assertThat(snapshot.info().eventCounts()).isEqualTo(first.info().eventCounts());
        assertThat(snapshot.info().warnings()).singleElement().asString().startsWith(file + ": skipped chunk 2 at offset "
                + firstSize + ": truncated (5000 bytes of " + (good.length - firstSize) + "), nothing readable before the cut");
    }

    @Test
    void aDamagedRecordSizeKeepsTheRecordsBeforeIt() throws Exception {
        byte[] bytes = Files.readAllBytes(Recordings.path("demo-jdk25-default"));
        long constantPool = ByteBuffer.wrap(bytes).getLong(16);
        // overwrite the last checkpoint record's header and body start with garbage
        for (int i = 0; i < 12; i++) {
            bytes[(int) constantPool + i] = (byte) 0xFF;
        }
        Path file = Files.write(dir.resolve("corrupt.jfr"), bytes);
        ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
        assertThat(snapshot.info().warnings()).singleElement().isEqualTo(file + ": chunk 1 at offset 0: damaged; "
                + "kept its records up to offset " + constantPool + ", lost the last " + (bytes.length - constantPool)
                + " bytes");
        assertThat(snapshot.info().eventCounts().get("jdk.ExecutionSample"))
                .isEqualTo(Recordings.goldenCounts("demo-jdk25-default").get("jdk.ExecutionSample"));
    }

    @Test
    void corruptValuesInsideTheConstantPoolAreReportedNotThrown() throws Exception {
        byte[] bytes = Files.readAllBytes(Recordings.path("demo-jdk25-default"));
        ByteBuffer header = ByteBuffer.wrap(bytes);
        long constantPool = header.getLong(16);
        long metadata = header.getLong(24);
        long from = Math.min(constantPool, metadata);
        // keep record sizes intact, scramble the payload after the pool's header bytes
        for (long i = constantPool + 24; i < constantPool + 4000 && i < bytes.length; i++) {
            if (i < metadata || i > metadata + 32) {
                bytes[(int) i] = (byte) (bytes[(int) i] ^ 0x5A);
            }
        }
        Path file = Files.write(dir.resolve("scrambled.jfr"), bytes);
        assertThat(from).isPositive();
        try {
            ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
            assertThat(snapshot.info().chunkCount()).isEqualTo(1);
        } catch (JfrImportException e) {
            assertThat(e.getMessage()).startsWith(file + ": skipped chunk 1 at offset 0: corrupt (");
        }
    }

    @Test
    void progressReachesTheTotalAndCancellationStops() throws Exception {
        Path file = Recordings.path("demo-multichunk");
        long size = Files.size(file);
        AtomicLong last = new AtomicLong(-1);
        JfrFiles.importFile(file, (done, total) -> {
            assertThat(total).isEqualTo(size);
            assertThat(done).isGreaterThanOrEqualTo(last.get()).isLessThanOrEqualTo(total);
            last.set(done);
        }, () -> false);
        assertThat(last.get()).isEqualTo(size);
        assertThatThrownBy(() -> JfrFiles.importFile(file, ImportProgress.NONE, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
