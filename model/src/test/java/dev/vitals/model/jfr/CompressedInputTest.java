package dev.vitals.model.jfr;

import dev.vitals.model.Recordings;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Compressed recordings are recognised by their first bytes, not by their names. */
class CompressedInputTest {
    @TempDir
    Path dir;

    @Test
    void aGzipRecordingNamedJfrOpensWithTheSameContentAndLeavesNoTemporaryFile() throws Exception {
        Path gzip = dir.resolve("demo.jfr");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(Recordings.path("demo-multichunk"), out);
        }
        long before = temporaryFiles();
        var snapshot = JfrFiles.importFile(gzip).snapshot();
        assertThat(snapshot.info().eventCounts()).isEqualTo(Recordings.goldenCounts("demo-multichunk"));
        assertThat(snapshot.info().chunkCount()).isEqualTo(2);
        assertThat(temporaryFiles()).isEqualTo(before);
    }

    @Test
    void anLz4FrameRecordingOpensWithTheSameContent() throws Exception {
        Path lz4 = dir.resolve("demo.jfr.lz4");
        // the pure-Java compressor, as the reader uses the pure-Java decompressor (no native library)
        try (OutputStream out = new LZ4FrameOutputStream(Files.newOutputStream(lz4), BLOCKSIZE.SIZE_64KB, -1L,
                LZ4Factory.safeInstance().fastCompressor(), XXHashFactory.safeInstance().hash32(),
                FLG.Bits.BLOCK_INDEPENDENCE)) {
            Files.copy(Recordings.path("demo-jdk25-profile"), out);
        }
        var snapshot = JfrFiles.importFile(lz4).snapshot();
        assertThat(snapshot.info().eventCounts()).isEqualTo(Recordings.goldenCounts("demo-jdk25-profile"));
        assertThat(snapshot.info().warnings()).isEmpty();
    }

    @Test
    void everyRecordingInsideAZipIsRead() throws Exception {
        Path zip = dir.resolve("recordings.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"demo-jdk25-default", "demo-jdk17-default"}) {
                out.putNextEntry(new ZipEntry(name + ".jfr"));
                Files.copy(Recordings.path(name), out);
            }
        }
        var counts = JfrFiles.importFile(zip).snapshot().info().eventCounts();
        assertThat(counts.get("jdk.ExecutionSample")).isEqualTo(
                Recordings.goldenCounts("demo-jdk25-default").get("jdk.ExecutionSample")
                        + Recordings.goldenCounts("demo-jdk17-default").get("jdk.ExecutionSample"));
    }

    @Test
    void aZipWithoutARecordingAndBrokenGzipSaySo() throws Exception {
        Path zip = dir.resolve("notes.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("notes.txt"));
            out.write("hello".getBytes());
        }
        assertThatThrownBy(() -> JfrFiles.importFile(zip)).isInstanceOf(JfrImportException.class)
                .hasMessage(zip + ": a zip file without a JFR recording in it");
        Path gzip = Files.write(dir.resolve("broken.jfr.gz"), new byte[] {0x1F, (byte) 0x8B, 8, 0, 1, 2, 3});
        assertThatThrownBy(() -> JfrFiles.importFile(gzip)).isInstanceOf(JfrImportException.class)
                .hasMessageStartingWith(gzip + ": compressed, but its content cannot be expanded (");
    }

    @Test
    void aJdk7RecordingSaysWhichJdkWroteItAndThatItIsNotRead() {
        Path file = Path.of("../../shared/corpus/7u40.jfr.gz");
        assumeTrue(Files.exists(file), "the shared corpus is absent: skipped");
        assertThatThrownBy(() -> JfrFiles.importFile(file)).isInstanceOf(JfrImportException.class)
                .hasMessage(file + ": a JDK 7 or 8 recording (JFR format 0.9), which Vitals does not read");
    }

    private static long temporaryFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("vitals-expanded-")).count();
        }
    }
}
