package dev.vitals.demo;

/**
 * What {@code --leak} keeps for good: one a {@code 1/N} second, each with a small payload, so a
 * heap histogram taken twice shows this class (and its {@code byte[]}) growing.
 */
record Leak(long id, byte[] payload) {
    static final int PAYLOAD_BYTES = 64;
}
