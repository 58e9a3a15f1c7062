package dev.vitals.model.export;

import dev.vitals.model.FrameTable;
import dev.vitals.model.MethodTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.internal.SelectedStacks;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The collapsed (Brendan Gregg) format: one line per distinct stack, frames root first joined by
 * {@code ;}, a space and the value. A frame is {@code className.methodName} with the binary class
 * name in dots ({@code a.b.Outer$Inner.run}); a frame without a class (async-profiler kernel frames)
 * is its method name alone; async-profiler native frames are {@code library.symbol}, as
 * {@code jfr print} names them. With lines, each frame gets {@code :LINE}. Lines are sorted; events
 * without a stack are left out.
 */
public final class CollapsedExport {
    private CollapsedExport() {
    }

    /**
     * Writes the selection's stacks. For the classic counts use a selection with
     * {@link dev.vitals.model.query.Measure#COUNT}.
     *
     * @param lines append {@code :LINE} to each frame
     */
    public static void write(ProfileSnapshot snapshot, Selection selection, boolean lines, Appendable out)
            throws IOException {
        for (Map.Entry<String, Long> line : collapse(snapshot, selection, lines).entrySet()) {
            out.append(line.getKey()).append(' ').append(Long.toString(line.getValue())).append('\n');
        }
    }

    /** The collapsed lines as a sorted map from stack text to value. */
    public static Map<String, Long> collapse(ProfileSnapshot snapshot, Selection selection, boolean lines) {
        MethodTable methods = snapshot.methods();
        FrameTable frames = snapshot.frames();
        Map<String, Long> out = new TreeMap<>();
        StringBuilder text = new StringBuilder();
        SelectedStacks.forEach(snapshot, selection, (stack, length, value) -> {
            if (length == 0) {
                return;
            }
            text.setLength(0);
            for (int k = 0; k < length; k++) {
                if (k > 0) {
                    text.append(';');
                }
                text.append(methods.frameName(frames.method(stack[k])));
                if (lines) {
                    text.append(':').append(frames.line(stack[k]));
                }
            }
            out.merge(text.toString(), value, Long::sum);
        });
        return out;
    }
}
