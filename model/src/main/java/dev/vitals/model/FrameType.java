package dev.vitals.model;

/**
 * How a frame was executing when it was sampled. A closed set: views switch over it exhaustively.
 *
 * <p>JFR names the types "Interpreted", "JIT compiled", "Inlined" and "Native"; async-profiler adds
 * "C1 compiled", "C++" and "Kernel". {@link #fromJfr(String)} maps those names (and a missing one)
 * onto this enum.
 */
public enum FrameType {
    /** Executed by the bytecode interpreter. */
    INTERPRETED,
    /** Compiled by C1 (async-profiler distinguishes it; the JDK reports it as JIT compiled). */
    C1,
    /** JIT compiled (C2, or any compiled code the JDK reports as "JIT compiled"). */
    JIT,
    /** Inlined into a compiled caller. */
    INLINED,
    /** A native (JNI or C) frame. */
    NATIVE,
    /** A frame of the JVM's own C++ code (async-profiler). */
    CPP,
    /** A kernel frame (async-profiler). */
    KERNEL,
    /** The recording did not say. */
    UNKNOWN;

    private static final FrameType[] VALUES = values();

    /** The type with the given ordinal; the tables store frame types as bytes. */
    public static FrameType ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    /**
     * Maps a JFR {@code jdk.types.FrameType} description to a frame type.
     *
     * @param description "Interpreted", "JIT compiled", "Inlined", "Native", "C1 compiled", "C++",
     *                    "Kernel"; {@code null} or anything else gives {@link #UNKNOWN}
     */
    public static FrameType fromJfr(String description) {
        if (description == null) {
            return UNKNOWN;
        }
        return switch (description) {
            case "Interpreted" -> INTERPRETED;
            case "JIT compiled" -> JIT;
            case "C1 compiled" -> C1;
            case "Inlined" -> INLINED;
            case "Native" -> NATIVE;
            case "C++" -> CPP;
            case "Kernel" -> KERNEL;
            default -> UNKNOWN;
        };
    }

    /** True for frames of Java methods (as opposed to native, C++ and kernel code). */
    public boolean isJava() {
        return switch (this) {
            case INTERPRETED, C1, JIT, INLINED -> true;
            case NATIVE, CPP, KERNEL, UNKNOWN -> false;
        };
    }
}
