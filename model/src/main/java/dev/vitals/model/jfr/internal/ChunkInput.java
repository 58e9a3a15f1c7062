package dev.vitals.model.jfr.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over one chunk's bytes with JFR's value encodings: integers compressed seven bits a byte,
 * least significant group first (the ninth byte carries eight bits), when the chunk header's flag
 * says so, else big-endian; floats and doubles raw; strings as an encoding byte (0 null, 1 empty,
 * 2 constant pool reference, 3 UTF-8, 4 char array, 5 Latin-1) and a length.
 *
 * <p>Every read checks the chunk's end and throws {@link CorruptDataException} past it, so a
 * damaged length can never read another chunk's bytes or loop for long. Positions are offsets
 * within the chunk.
 */
public final class ChunkInput {
    private ByteBuffer bytes;
    private int limit;
    private final boolean compressed;
    private int position;

    /** A cursor over {@code bytes} (position 0 is the chunk's first byte) up to {@code limit}. */
    public ChunkInput(ByteBuffer bytes, int limit, boolean compressed) {
        this.bytes = bytes;
        this.limit = limit;
        this.compressed = compressed;
    }

    /**
     * Goes on over more of the same chunk ({@code bytes} holds the bytes read so far at the same
     * offsets, and more), for a chunk that grows while it is written.
     */
    void extend(ByteBuffer longer, int newLimit) {
        bytes = longer;
        limit = newLimit;
    }

    /** The current offset in the chunk. */
    public int position() {
        return position;
    }

    /** Moves to an offset in the chunk. */
    public void position(int newPosition) {
        if (newPosition < 0 || newPosition > limit) {
            throw new CorruptDataException("offset " + newPosition + " is outside the chunk");
        }
        position = newPosition;
    }

    /** The offset after the last readable byte. */
    public int limit() {
        return limit;
    }

    private void need(int n) {
        if (position + n > limit || position + n < 0) {
            throw new CorruptDataException("data runs past the end of the chunk at offset " + position);
        }
    }

    /** One raw byte. */
    public byte readByte() {
        need(1);
        return bytes.get(position++);
    }

    /** A raw big-endian float. */
    public float readFloat() {
        need(4);
        float f = bytes.getFloat(position);
        position += 4;
        return f;
    }

    /** A raw big-endian double. */
    public double readDouble() {
        need(8);
        double d = bytes.getDouble(position);
        position += 8;
        return d;
    }

    /** A raw big-endian long (chunk header fields). */
    public long readRawLong() {
        need(8);
        long l = bytes.getLong(position);
        position += 8;
        return l;
    }

    /** An int, compressed or raw as the chunk says. */
    public int readInt() {
        if (!compressed) {
            need(4);
            int i = bytes.getInt(position);
            position += 4;
            return i;
        }
        return (int) readVarLong();
    }

    /** A short, compressed or raw. */
    public short readShort() {
        if (!compressed) {
            need(2);
            short s = bytes.getShort(position);
            position += 2;
            return s;
        }
        return (short) readVarLong();
    }

    /** A long, compressed or raw. */
    public long readLong() {
        return compressed ? readVarLong() : readRawLong();
    }

    private long readVarLong() {
        int p = position;
        if (p + 9 <= limit) {
            // fast path: no bounds check per byte
            long result = 0;
            for (int shift = 0; shift < 56; shift += 7) {
                byte b = bytes.get(p++);
                result |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    position = p;
                    return result;
                }
            }
            position = p + 1;
            return result | (long) (bytes.get(p) & 0xFF) << 56;
        }
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte b = readByte();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        return result | (long) (readByte() & 0xFF) << 56;
    }

    /** True when integers are compressed (seven bits a byte). */
    public boolean compressed() {
        return compressed;
    }

    /**
     * Skips {@code count} compressed integers without decoding them: each ends at its first byte
     * below 0x80, or after its ninth byte.
     */
    public void skipCompressed(long count) {
        int p = position;
        long left = count;
        // Eight bytes at a time (big-endian, so the first byte is the word's top): each byte with
        // its top bit clear ends an integer. A run of eight bytes with it set may be a nine-byte
        // integer, whose last byte counts whatever it holds: the bytes from that integer's start
        // are left to the byte loop below, as is the tail of the chunk.
        int run = 0; // bytes of the current integer before p
        while (left > 0 && p + 8 <= limit) {
            long ends = ~bytes.getLong(p) & 0x8080808080808080L;
            if (run + (Long.numberOfLeadingZeros(ends) >>> 3) >= 8) {
                break;
            }
            int n = Long.bitCount(ends);
            if (left <= n) {
                for (long k = 1; k < left; k++) {
                    ends ^= Long.highestOneBit(ends);
                }
                p += (Long.numberOfLeadingZeros(ends) >>> 3) + 1;
                left = 0;
                run = 0;
                break;
            }
            left -= n;
            run = (Long.numberOfTrailingZeros(ends) - 7) >>> 3;
            p += 8;
        }
        p -= run;
        for (long i = 0; i < left; i++) {
            int continued = 0;
            while (true) {
                if (p >= limit) {
                    throw new CorruptDataException("data runs past the end of the chunk at offset " + p);
                }
                if (bytes.get(p++) >= 0) {
                    break;
                }
                if (++continued == 8) {
                    if (p >= limit) {
                        throw new CorruptDataException("data runs past the end of the chunk at offset " + p);
                    }
                    p++;
                    break;
                }
            }
        }
        position = p;
    }

    /** A length for a string or an array, checked against the bytes left. */
    public int readLength() {
        int n = readInt();
        if (n < 0 || n > limit - position) {
            throw new CorruptDataException("length " + n + " at offset " + position + " does not fit in the chunk");
        }
        return n;
    }

    /**
     * A string; a constant-pool reference (encoding 2) is resolved through {@code pool}, which may
     * be {@code null} while the pools themselves are being read (then the reference gives {@code null}).
     */
    public String readString(StringPool pool) {
        byte encoding = readByte();
        switch (encoding) {
            case 0:
                return null;
            case 1:
                return "";
            case 2: {
                long id = readLong();
                return pool == null ? null : pool.string(id);
            }
            case 3: {
                int n = readLength();
                String s = new String(bytesAt(n), StandardCharsets.UTF_8);
                position += n;
                return s;
            }
            case 4: {
                int n = readLength();
                char[] chars = new char[n];
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) readInt();
                }
                return new String(chars);
            }
            case 5: {
                int n = readLength();
                String s = new String(bytesAt(n), StandardCharsets.ISO_8859_1);
                position += n;
                return s;
            }
            default:
                throw new CorruptDataException("unknown string encoding " + encoding + " at offset " + (position - 1));
        }
    }

    /** Skips a string without building it. */
    public void skipString() {
        byte encoding = readByte();
        switch (encoding) {
            case 0, 1 -> {
            }
            case 2 -> readLong();
            case 3, 5 -> {
                int n = readLength();
                position += n;
            }
            case 4 -> {
                int n = readLength();
                for (int i = 0; i < n; i++) {
                    readInt();
                }
            }
            default -> throw new CorruptDataException("unknown string encoding " + encoding + " at offset "
                    + (position - 1));
        }
    }

    private byte[] bytesAt(int n) {
        byte[] out = new byte[n];
        bytes.get(position, out);
        return out;
    }

    /** Resolves string constant-pool references. */
    @FunctionalInterface
    public interface StringPool {
        /** The string with a pool id, or {@code null}. */
        String string(long id);
    }
}
