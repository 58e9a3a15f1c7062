package dev.vitals.model.jfr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * The recordings in a file, recognised by its first bytes rather than its name: the file itself
 * when it is a plain recording (or anything else: the chunk scanner then says what it is), its
 * content when gzip- or LZ4-compressed (LZ4 frames, as JDK Mission Control writes them, through
 * lz4-java), or each recording inside a zip file. Compressed content is
 * expanded into temporary files (deleted on {@link #close()}), so that chunks are mapped from disk
 * like any recording and a large file does not have to fit in the heap.
 */
public final class CompressedInput implements AutoCloseable {
    private static final int GZIP = 0x1F8B;
    private static final int ZIP = 0x504B0304;
    /** The LZ4 frame magic number 0x184D2204, little-endian as it is written. */
    private static final int LZ4_FRAME = 0x04224D18;

    private final List<Path> recordings;
    private final List<Path> temporary;
    private final String problem;

    private CompressedInput(List<Path> recordings, List<Path> temporary, String problem) {
        this.recordings = recordings;
        this.temporary = temporary;
        this.problem = problem;
    }

    /** Opens a file, expanding it when it is compressed. */
    public static CompressedInput open(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        int first4 = n < 4 ? 0 : (head[0] & 0xFF) << 24 | (head[1] & 0xFF) << 16 | (head[2] & 0xFF) << 8 | head[3] & 0xFF;
        List<Path> temporary = new ArrayList<>();
        try {
            if ((first4 >>> 16) == GZIP) {
                return single(new GZIPInputStream(Files.newInputStream(file), 1 << 16), temporary);
            }
            if (first4 == LZ4_FRAME) {
                // the pure-Java decoder: no native library to load (nor native access to grant)
                return single(new LZ4FrameInputStream(Files.newInputStream(file), LZ4Factory.safeInstance()
                        .safeDecompressor(), XXHashFactory.safeInstance().hash32()), temporary);
            }
            if (first4 == ZIP) {
                return zip(file, temporary);
            }
        } catch (IOException | RuntimeException e) {
            delete(temporary);
            return new CompressedInput(List.of(), List.of(), "compressed, but its content cannot be expanded ("
                    + e.getMessage() + ")");
        }
        return new CompressedInput(List.of(file), List.of(), null);
    }

    private static CompressedInput single(InputStream compressed, List<Path> temporary) throws IOException {
        try (InputStream in = compressed) {
            return new CompressedInput(List.of(expand(in, temporary)), temporary, null);
        }
    }

    private static CompressedInput zip(Path file, List<Path> temporary) throws IOException {
        List<Path> recordings = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path out = expand(zip, temporary);
                if (startsWithChunk(out)) {
                    recordings.add(out);
                }
            }
        }
        if (recordings.isEmpty()) {
            delete(temporary);
            return new CompressedInput(List.of(), List.of(), "a zip file without a JFR recording in it");
        }
        return new CompressedInput(List.copyOf(recordings), temporary, null);
    }

    private static boolean startsWithChunk(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 4) == 4 && head[0] == 'F' && head[1] == 'L' && head[2] == 'R' && head[3] == 0;
        }
    }

    private static Path expand(InputStream in, List<Path> temporary) throws IOException {
        Path out = Files.createTempFile("vitals-expanded-", ".jfr");
        temporary.add(out);
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** The recordings to read, in order (empty when {@link #problem()} says why). */
    public List<Path> recordings() {
        return recordings;
    }

    /** Why the file cannot be read, or {@code null}. */
    public String problem() {
        return problem;
    }

    @Override
    public void close() {
        delete(temporary);
    }

    private static void delete(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
