package dev.vitals.model.jfr;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Damaged recordings: cut short, a broken event, random mutations. The import keeps what it can and says what it lost. */
class DamagedInputTest {
    private static final String RECORDING = "demo-jdk25-profile";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.25, 0.5, 0.75, 0.9, 0.999})
    void aChunkCutShortKeepsItsEventsUpToTheCut(double fraction) throws Exception {
        byte[] good = Files.readAllBytes(Recordings.path(RECORDING));
        int cut = (int) (good.length * fraction);
        Path file = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(good, cut));
        Map<String, Long> whole = Recordings.goldenCounts(RECORDING);
        try {
            ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
            assertThat(snapshot.info().warnings()).singleElement().asString()
                    .startsWith(file + ": chunk 1 at offset 0: truncated (" + cut + " bytes of " + good.length + "); kept its records up to offset ")
                    .contains(", lost the last ");
            snapshot.info().eventCounts().forEach((type, n) -> assertThat(n).as(type).isLessThanOrEqualTo(whole.get(type)));
            assertThat((long) snapshot.samples("jdk.ExecutionSample").length())
                    .isEqualTo(snapshot.info().eventCounts().get("jdk.ExecutionSample"));
        } catch (JfrImportException e) {
            // cut before the first metadata record: nothing is readable, and the message says why
            assertThat(e.getMessage()).isEqualTo(file + ": skipped chunk 1 at offset 0: truncated (" + cut + " bytes of "
                    + good.length + "), nothing readable before the cut (no metadata in the first "
                    + e.getMessage().replaceAll(".*first (\\d+) bytes.*", "$1") + " bytes); nothing could be imported");
        }
    }

    @Test
    void anEventThatDoesNotDecodeIsSkippedAndCountedNotItsChunk() throws Exception {
        byte[] bytes = Files.readAllBytes(Recordings.path(RECORDING));
        int[] record = eventRecordNear(bytes, bytes.length / 3);
        // the payload after the size and type becomes varints that never end within the event
        Arrays.fill(bytes, record[2], record[0] + record[1], (byte) 0xFF);
        Path file = Files.write(dir.resolve("broken-event.jfr"), bytes);
        ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
        assertThat(snapshot.info().eventCounts()).isEqualTo(Recordings.goldenCounts(RECORDING));
        assertThat(snapshot.info().warnings()).singleElement().asString()
                .matches("\\Q" + file + ": chunk 1 at offset 0: skipped 1 \\E\\S+ event that could not be decoded "
                        + "\\(at offset " + record[0] + ": .+\\)");
        ProfileSnapshot good = Recordings.snapshot(RECORDING);
        long keptBefore = good.samples().stream().mapToLong(t -> t.length()).sum() + good.intervals().length();
        long keptAfter = snapshot.samples().stream().mapToLong(t -> t.length()).sum() + snapshot.intervals().length();
        assertThat(keptAfter).isEqualTo(keptBefore - 1);
    }

    @Test
    void randomMutationsNeverHangOrThrowOutOfTheImporter() throws Exception {
        byte[] good = Files.readAllBytes(Recordings.path("demo-jdk25-default"));
        Random random = new Random(17);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int[] runs = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            while (runs[0] < 300 && System.nanoTime() < deadline) {
                byte[] bytes = mutate(good, random);
                Path file = Files.write(dir.resolve("fuzz.jfr"), bytes);
                try {
                    ProfileSnapshot snapshot = JfrFiles.importFile(file).snapshot();
                    assertThat(snapshot.info().chunkCount()).isBetween(0, 1);
                } catch (JfrImportException e) {
                    assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
                }
                runs[0]++;
            }
        });
        assertThat(runs[0]).isGreaterThan(20);
    }

    private static byte[] mutate(byte[] good, Random random) {
        byte[] bytes = good.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int i = 0, n = 1 + random.nextInt(16); i < n; i++) {
                    bytes[68 + random.nextInt(bytes.length - 68)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                int at = 68 + random.nextInt(bytes.length - 200);
                Arrays.fill(bytes, at, at + 1 + random.nextInt(64), (byte) (random.nextBoolean() ? 0xFF : 0));
            }
            default -> bytes = Arrays.copyOf(bytes, 68 + random.nextInt(bytes.length - 68));
        }
        return bytes;
    }

    /** {offset, size, payload offset} of the first event record (type id above 1) at or after {@code from}. */
    private static int[] eventRecordNear(byte[] bytes, int from) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int position = 68;
        while (position < bytes.length) {
            int[] cursor = {position};
            int size = (int) varint(buffer, cursor);
            long type = varint(buffer, cursor);
            if (position >= from && type > 1 && size > cursor[0] - position + 4) {
                return new int[] {position, size, cursor[0]};
            }
            position += size;
        }
        throw new IllegalStateException("no event record after " + from);
    }

    private static long varint(ByteBuffer buffer, int[] cursor) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.get(cursor[0]++);
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        return value;
    }
}
