package dev.vitals.attach.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Synthetic chunk files written as the JVM writes them: data first, then the header of each flush. */
class RepositoryCopierTest {
    private static final long FROM = 5_000_000_000L;

    @TempDir
    Path repository;
    @TempDir
    Path kept;

    @Test
    void copiesEachFlushAndShowsTheNewestChunkFinishedOnlyWhenTheNextOneAppearsOrAtTheEnd() throws IOException {
        RepositoryCopier copier = new RepositoryCopier(repository, kept, FROM);
        try (Chunk a = new Chunk(repository.resolve("a.jfr"), FROM)) {
            a.append(150).flush(100, 3);
            assertThat(copier.copyNew()).isTrue();
            assertThat(Files.size(kept.resolve("a.jfr"))).as("only what the header covers").isEqualTo(168);
            assertThat(header(kept.resolve("a.jfr"))).isEqualTo(a.header());
            assertThat(copier.copyNew()).as("nothing new").isFalse();

            a.flush(150, 4);
            assertThat(copier.copyNew()).isTrue();
            assertThat(Files.readAllBytes(kept.resolve("a.jfr"))).isEqualTo(a.bytes());

            a.flush(150, 0);
            assertThat(copier.copyNew()).isTrue();
            assertThat(state(kept.resolve("a.jfr"))).as("finished, but the newest: held").isNotZero();

            try (Chunk b = new Chunk(repository.resolve("b.jfr"), FROM + 1_000_000_000L)) {
                b.append(40).flush(40, 7);
                assertThat(copier.copyNew()).isTrue();
                assertThat(Files.readAllBytes(kept.resolve("a.jfr"))).isEqualTo(a.bytes());
                assertThat(Files.size(kept.resolve("b.jfr"))).isEqualTo(108);

                assertThat(copier.finish()).as("b is not finished").isFalse();
                assertThat(flags(kept.resolve("b.jfr")) & KeptChunks.FINAL_CHUNK).isZero();
                b.flush(40, 0);
                assertThat(copier.finish()).isTrue();
                assertThat(state(kept.resolve("b.jfr"))).isZero();
                assertThat(flags(kept.resolve("b.jfr")) & KeptChunks.FINAL_CHUNK).isNotZero();
                assertThat(flags(kept.resolve("a.jfr")) & KeptChunks.FINAL_CHUNK).isZero();
            }
        }
        copier.close();
        try (var files = Files.list(kept)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.jfr", "b.jfr");
        }
    }

    @Test
    void takesNoChunkOfAnEarlierRecordingNorOneWhoseHeaderIsIncompleteOrBeingWritten() throws IOException {
        RepositoryCopier copier = new RepositoryCopier(repository, kept, FROM);
        try (Chunk earlier = new Chunk(repository.resolve("earlier.jfr"), FROM - 1);
             Chunk updating = new Chunk(repository.resolve("updating.jfr"), FROM + 1);
             Chunk noMetadata = new Chunk(repository.resolve("no-metadata.jfr"), FROM + 2)) {
            earlier.append(10).flush(10, 2);
            updating.append(10).flush(10, KeptChunks.UPDATING);
            noMetadata.append(10).flush(10, 2, 0);
            assertThat(copier.copyNew()).isFalse();
            try (var files = Files.list(kept)) {
                assertThat(files).isEmpty();
            }

            updating.flush(10, 2);
            noMetadata.flush(10, 2, 80);
            assertThat(copier.copyNew()).isTrue();
            try (var files = Files.list(kept)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("updating.jfr", "no-metadata.jfr");
            }
        }
        copier.close();
    }

    @Test
    void keepsCopyingAChunkAfterTheJvmHasDeletedItsRepository() throws IOException {
        RepositoryCopier copier = new RepositoryCopier(repository, kept, FROM);
        try (Chunk last = new Chunk(repository.resolve("last.jfr"), FROM)) {
            last.append(20).flush(20, 2);
            assertThat(copier.copyNew()).isTrue();
            Files.delete(repository.resolve("last.jfr"));
            Files.delete(repository);
            last.append(30).flush(50, 0);
            assertThat(copier.finish()).isTrue();
            assertThat(Files.readAllBytes(kept.resolve("last.jfr"))).isEqualTo(withFinalFlag(last.bytes()));
        }
        copier.close();
    }

    private static byte[] withFinalFlag(byte[] bytes) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        copy[KeptChunks.FLAG_BYTE_POSITION] |= KeptChunks.FINAL_CHUNK;
        return copy;
    }

    private static byte[] header(Path file) throws IOException {
        return Arrays.copyOf(Files.readAllBytes(file), KeptChunks.HEADER_SIZE);
    }

    private static int state(Path file) throws IOException {
        return Files.readAllBytes(file)[KeptChunks.FILE_STATE_POSITION];
    }

    private static int flags(Path file) throws IOException {
        return Files.readAllBytes(file)[KeptChunks.FLAG_BYTE_POSITION];
    }

    /** A chunk file written like the JVM writes one: events appended, then the header rewritten at each flush. */
    private static final class Chunk implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer header = ByteBuffer.allocate(KeptChunks.HEADER_SIZE);
        private long length = KeptChunks.HEADER_SIZE;

        Chunk(Path file, long startNanos) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
            header.putInt(0, KeptChunks.MAGIC).putShort(4, (short) 2).putShort(6, (short) 1)
                    .putLong(KeptChunks.START_NANOS_POSITION, startNanos);
            flush(0, 1, 0);
        }

        Chunk append(int bytes) throws IOException {
            byte[] data = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                data[i] = (byte) (length + i);
            }
            channel.write(ByteBuffer.wrap(data), length);
            length += bytes;
            return this;
        }

        Chunk flush(int dataBytes, int state) throws IOException {
            return flush(dataBytes, state, KeptChunks.HEADER_SIZE + 1);
        }

        Chunk flush(int dataBytes, int state, long metadataPosition) throws IOException {
            header.putLong(KeptChunks.CHUNK_SIZE_POSITION, KeptChunks.HEADER_SIZE + dataBytes)
                    .putLong(KeptChunks.METADATA_POSITION, metadataPosition)
                    .put(KeptChunks.FILE_STATE_POSITION, (byte) state);
            channel.write(header.duplicate().rewind(), 0);
            return this;
        }

        byte[] header() {
            return Arrays.copyOf(header.array(), KeptChunks.HEADER_SIZE);
        }

        byte[] bytes() throws IOException {
            ByteBuffer all = ByteBuffer.allocate((int) length);
            KeptChunks.readFully(channel, all, 0);
            return all.array();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
