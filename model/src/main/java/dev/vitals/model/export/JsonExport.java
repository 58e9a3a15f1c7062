package dev.vitals.model.export;

import dev.vitals.model.FrameTable;
import dev.vitals.model.MethodTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.internal.SelectedStacks;

import java.io.IOException;

/**
 * A plain JSON export of a selection's stacks:
 * {@code {"source": ..., "events": TYPE-OR-KIND, "measure": "COUNT"|"WEIGHT", "total": N,
 * "stacks": [{"frames": ["root", ..., "leaf"], "value": N}, ...]}}, stacks in order of first
 * appearance; with lines, each frame is {@code name:LINE}.
 */
public final class JsonExport {
    private JsonExport() {
    }

    /** Writes the selection's distinct stacks and values. */
    public static void write(ProfileSnapshot snapshot, Selection selection, boolean lines, Appendable out)
            throws IOException {
        MethodTable methods = snapshot.methods();
        FrameTable frames = snapshot.frames();
        StringBuilder stacks = new StringBuilder();
        long[] total = {0};
        SelectedStacks.forEach(snapshot, selection, (stack, length, value) -> {
            stacks.append(stacks.isEmpty() ? "\n    " : ",\n    ").append("{\"frames\": [");
            for (int k = 0; k < length; k++) {
                String name = methods.frameName(frames.method(stack[k]));
                stacks.append(k > 0 ? ", " : "").append(Json.quote(lines ? name + ":" + frames.line(stack[k]) : name));
            }
            stacks.append("], \"value\": ").append(value).append('}');
            total[0] += value;
        });
        String events = switch (selection.events()) {
            case EventSelector.OfKind(var kind) -> kind.name().toLowerCase();
            case EventSelector.OfType(var type) -> type;
        };
        out.append("{\n  \"source\": ").append(Json.quote(snapshot.info().source()))
                .append(",\n  \"events\": ").append(Json.quote(events))
                .append(",\n  \"measure\": ").append(Json.quote(selection.measure().name()))
                .append(",\n  \"total\": ").append(Long.toString(total[0]))
                .append(",\n  \"stacks\": [").append(stacks).append("\n  ]\n}\n");
    }
}
