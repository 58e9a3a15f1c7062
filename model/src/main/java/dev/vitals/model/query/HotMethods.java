package dev.vitals.model.query;

import dev.vitals.model.FrameTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.internal.SelectedStacks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hot methods of a selection, by self value (then total, then name). Methods with the same frame
 * name (overloads) count as one; its method id is the first of them.
 */
public final class HotMethods {
    private HotMethods() {
    }

    /** The {@code limit} hottest methods by self value; methods with neither self nor total are left out. */
    public static List<HotMethod> of(ProfileSnapshot snapshot, Selection selection, int limit) {
        int methods = snapshot.methods().length();
        int[] group = new int[methods];
        List<Integer> firstOfGroup = new ArrayList<>();
        Map<String, Integer> groupOfName = new HashMap<>();
        for (int m = 0; m < methods; m++) {
            int id = m;
            group[m] = groupOfName.computeIfAbsent(snapshot.methods().frameName(m), k -> {
                firstOfGroup.add(id);
                return firstOfGroup.size() - 1;
            });
        }
        int n = firstOfGroup.size();
        long[] self = new long[n];
        long[] total = new long[n];
        int[] stamp = new int[n];
        int[] visit = {0};
        FrameTable frames = snapshot.frames();
        SelectedStacks.forEach(snapshot, selection, (stack, length, value) -> {
            if (length == 0) {
                return;
            }
            int mark = ++visit[0];
            for (int k = 0; k < length; k++) {
                int m = group[frames.method(stack[k])];
                if (stamp[m] != mark) {
                    stamp[m] = mark;
                    total[m] += value;
                }
            }
            self[group[frames.method(stack[length - 1])]] += value;
        });
        List<HotMethod> hot = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            if (total[g] > 0) {
                int m = firstOfGroup.get(g);
                hot.add(new HotMethod(snapshot.methods().frameName(m), m, self[g], total[g]));
            }
        }
        hot.sort(Comparator.comparingLong(HotMethod::self).reversed()
                .thenComparing(Comparator.comparingLong(HotMethod::total).reversed())
                .thenComparing(HotMethod::method));
        return List.copyOf(hot.subList(0, Math.min(limit, hot.size())));
    }
}
