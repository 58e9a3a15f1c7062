package dev.vitals.model.internal;

/**
 * An open-addressing map from {@code long} keys to non-negative {@code int} values, without boxing.
 * Keys and values share one array (key, value, key, value...), so a lookup touches one cache line.
 * {@link #get} returns -1 for a missing key; the key {@link Long#MIN_VALUE} is reserved. Not
 * thread-safe; writers own their maps.
 */
public final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] table;
    private int size;
    private int mask;

    /** A map presized for about {@code expected} entries. */
    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
        clear();
    }

    /** The value for {@code key}, or -1. */
    public int get(long key) {
        int slot = slot(key);
        while (true) {
            long k = table[slot << 1];
            if (k == key) {
                return (int) table[(slot << 1) + 1];
            }
            if (k == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Sets the value for {@code key}. */
    public void put(long key, int value) {
        int slot = slot(key);
        while (true) {
            long k = table[slot << 1];
            if (k == key) {
                table[(slot << 1) + 1] = value;
                return;
            }
            if (k == EMPTY) {
                table[slot << 1] = key;
                table[(slot << 1) + 1] = value;
                if (++size * 2 > mask + 1) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Removes every entry, keeping the capacity. */
    public void clear() {
        for (int i = 0; i < table.length; i += 2) {
            table[i] = EMPTY;
        }
        size = 0;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        mask = (table.length >> 1) - 1;
        clear();
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }
}
