package dev.vitals.model;

import dev.vitals.model.internal.IntView;

/**
 * Interned frames: (method, line, frame type). A frame id is its row index. Line is -1 when the
 * recording has none.
 */
public final class FrameTable {
    private final IntView method;
    private final IntView line;
    private final IntView type;

    /** A view of the interned frames (made by the model's writer). */
    public FrameTable(IntView method, IntView line, IntView type) {
        this.method = method;
        this.line = line;
        this.type = type;
    }

    /** Number of frames. */
    public int length() {
        return method.length();
    }

    /** The frame's method id. */
    public int method(int frameIndex) {
        return method.get(frameIndex);
    }

    /** The frame's line number, -1 if none. */
    public int line(int frameIndex) {
        return line.get(frameIndex);
    }

    /** The frame's type. */
    public FrameType type(int frameIndex) {
        return FrameType.ofOrdinal(type.get(frameIndex));
    }
}
