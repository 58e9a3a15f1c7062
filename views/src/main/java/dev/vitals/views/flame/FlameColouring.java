package dev.vitals.views.flame;

/** How frames are coloured when no baseline tree is set (with one, colours show the difference). */
public enum FlameColouring {
    /** By frame type, with async-profiler's palette: JIT green, inlined aqua, native red, ... */
    FRAME_TYPE,
    /** By a hash of the frame's Java package, so one package has one colour everywhere. */
    PACKAGE
}
