package dev.vitals.model.jfr.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Skipping compressed integers eight bytes at a time ends where decoding them one by one does. */
class ChunkInputTest {
    @Test
    void skippingEndsWhereReadingEnds() {
        Random random = new Random(17);
        for (int round = 0; round < 20_000; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                writeCompressed(out, switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(128);
                    case 1 -> random.nextInt(1 << 21);
                    case 2 -> -1 - random.nextInt(3); // nine bytes, the last one whole
                    default -> random.nextLong() >>> random.nextInt(64);
                });
            }
            byte[] bytes = out.toByteArray();
            int count = 1 + random.nextInt(n);
            ChunkInput read = new ChunkInput(ByteBuffer.wrap(bytes), bytes.length, true);
            for (int i = 0; i < count; i++) {
                read.readLong();
            }
            ChunkInput skipped = new ChunkInput(ByteBuffer.wrap(bytes), bytes.length, true);
            skipped.skipCompressed(count);
            assertThat(skipped.position()).as("round %d", round).isEqualTo(read.position());
            ChunkInput tooFar = new ChunkInput(ByteBuffer.wrap(bytes), bytes.length, true);
            assertThatThrownBy(() -> tooFar.skipCompressed(n + 1)).isInstanceOf(CorruptDataException.class);
        }
    }

    @Test
    void skippingRandomBytesEndsOrFailsAsReadingDoes() {
        Random random = new Random(25);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[1 + random.nextInt(80)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(128) : 128 + random.nextInt(128));
            }
            int count = 1 + random.nextInt(20);
            ChunkInput read = new ChunkInput(ByteBuffer.wrap(bytes), bytes.length, true);
            Integer readEnd;
            try {
                for (int i = 0; i < count; i++) {
                    read.readLong();
                }
                readEnd = read.position();
            } catch (CorruptDataException e) {
                readEnd = null;
            }
            ChunkInput skipped = new ChunkInput(ByteBuffer.wrap(bytes), bytes.length, true);
            Integer skipEnd;
            try {
                skipped.skipCompressed(count);
                skipEnd = skipped.position();
            } catch (CorruptDataException e) {
                skipEnd = null;
            }
            assertThat(skipEnd).as("round %d", round).isEqualTo(readEnd);
        }
    }

    /** JFR's encoding: seven bits a byte, low bits first, the top bit set when more follow; the ninth byte is whole. */
    private static void writeCompressed(ByteArrayOutputStream out, long value) {
        long v = value;
        for (int i = 0; i < 8; i++) {
            if ((v & ~0x7FL) == 0) {
                out.write((int) v);
                return;
            }
            out.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
