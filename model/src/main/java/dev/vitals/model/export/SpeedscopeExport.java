package dev.vitals.model.export;

import dev.vitals.model.FrameTable;
import dev.vitals.model.MethodTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.internal.SelectedEvents;
import dev.vitals.model.query.internal.SelectedStacks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The speedscope file format (https://www.speedscope.app/file-format-schema.json): shared frames
 * and one "sampled" profile per thread, each sample a distinct stack (root first) with its summed
 * value as weight. Opens in speedscope's left-heavy and sandwich views.
 */
public final class SpeedscopeExport {
    private SpeedscopeExport() {
    }

    /** Writes the selection as a speedscope JSON document named {@code name}. */
    public static void write(ProfileSnapshot snapshot, Selection selection, String name, Appendable out)
            throws IOException {
        Set<Integer> threads = new TreeSet<>();
        SelectedEvents.forEach(snapshot, selection, (time, duration, thread, stack, value) -> threads.add(thread));
        MethodTable methods = snapshot.methods();
        FrameTable frames = snapshot.frames();
        Map<Integer, Integer> frameIndexOfMethod = new HashMap<>();
        List<String> frameNames = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (int thread : threads) {
            StringBuilder samples = new StringBuilder();
            StringBuilder weights = new StringBuilder();
            long[] total = {0};
            SelectedStacks.forEach(snapshot, selection.withThreads(Set.of(thread)), (stack, length, value) -> {
                if (!samples.isEmpty()) {
                    samples.append(',');
                    weights.append(',');
                }
                samples.append('[');
                for (int k = 0; k < length; k++) {
                    int method = frames.method(stack[k]);
                    int index = frameIndexOfMethod.computeIfAbsent(method, m -> {
                        frameNames.add(methods.frameName(m));
                        return frameNames.size() - 1;
                    });
                    samples.append(k > 0 ? "," : "").append(index);
                }
                samples.append(']');
                weights.append(value);
                total[0] += value;
            });
            String threadName = thread < 0 ? "(no thread)" : snapshot.threads().name(thread);
            profiles.add("{\"type\":\"sampled\",\"name\":" + Json.quote(threadName) + ",\"unit\":"
                    + Json.quote(unit(snapshot, selection)) + ",\"startValue\":0,\"endValue\":" + total[0] + ",\"samples\":["
                    + samples + "],\"weights\":[" + weights + "]}");
        }
        out.append("{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"name\":")
                .append(Json.quote(name)).append(",\"exporter\":\"vitals\",\"activeProfileIndex\":0,")
                .append("\"shared\":{\"frames\":[");
        for (int i = 0; i < frameNames.size(); i++) {
            out.append(i > 0 ? "," : "").append("{\"name\":").append(Json.quote(frameNames.get(i))).append('}');
        }
        out.append("]},\"profiles\":[").append(String.join(",", profiles)).append("]}\n");
    }

    /** speedscope's value unit: counts are "none", allocation weights bytes, interval durations nanoseconds. */
    private static String unit(ProfileSnapshot snapshot, Selection selection) {
        if (selection.measure() == Measure.COUNT) {
            return "none";
        }
        return switch (selection.events()) {
            case EventSelector.OfKind(var kind) -> kind == SampleKind.ALLOCATION ? "bytes" : "none";
            case EventSelector.OfType(var type) -> {
                SampleTable table = snapshot.samples(type);
                if (table == null) {
                    yield "nanoseconds";
                }
                yield table.kind() == SampleKind.ALLOCATION ? "bytes" : "none";
            }
        };
    }
}
