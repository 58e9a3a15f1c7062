package dev.vitals.model.jfr.internal;

import dev.vitals.model.FrameType;

import java.util.List;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * A stack trace's frames read out of the JDK's objects, root first. Reading a frame's fields costs a
 * field lookup by name each ({@code RecordedObject.getValue}); doing it once per distinct trace, on
 * the thread that parses, takes that work off the thread that interns.
 *
 * @param methods   each frame's method
 * @param lines     each frame's line number
 * @param types     each frame's type
 * @param truncated the JVM cut the stack
 */
public record DecodedStack(RecordedMethod[] methods, int[] lines, FrameType[] types, boolean truncated) {
    /** Decodes a trace. */
    public static DecodedStack of(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace.getFrames();
        int depth = frames.size();
        RecordedMethod[] methods = new RecordedMethod[depth];
        int[] lines = new int[depth];
        FrameType[] types = new FrameType[depth];
        for (int i = 0; i < depth; i++) {
            RecordedFrame frame = frames.get(depth - 1 - i);
            methods[i] = frame.getMethod();
            lines[i] = frame.getLineNumber();
            types[i] = FrameType.fromJfr(frame.getType());
        }
        return new DecodedStack(methods, lines, types, trace.isTruncated());
    }

    /** The number of frames. */
    public int depth() {
        return methods.length;
    }
}
