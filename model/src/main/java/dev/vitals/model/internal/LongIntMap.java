package dev.vitals.model.internal;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys to non-negative {@code int} values, without boxing.
 * {@link #get} returns -1 for a missing key. Not thread-safe; writers own their maps.
 */
public final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    /** A map presized for about {@code expected} entries. */
    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** The value for {@code key}, or -1. The key {@link Long#MIN_VALUE} is not allowed. */
    public int get(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Sets the value for {@code key}; the key {@link Long#MIN_VALUE} is not allowed. */
    public void put(long key, int value) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                values[slot] = value;
                return;
            }
            if (k == EMPTY) {
                keys[slot] = key;
                values[slot] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Removes every entry, keeping the capacity. */
    public void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[keys.length];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
