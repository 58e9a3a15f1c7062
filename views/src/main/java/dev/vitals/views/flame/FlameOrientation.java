package dev.vitals.views.flame;

/** Where the root of a flame graph is drawn. */
public enum FlameOrientation {
    /** Root at the bottom, callees above their callers (a flame graph). */
    FLAME,
    /** Root at the top, callees below their callers (an icicle graph). */
    ICICLE
}
