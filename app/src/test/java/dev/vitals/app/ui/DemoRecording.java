package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.CallTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Known truth about the committed demo recording, read by the model, and call tree helpers for assertions. */
final class DemoRecording {
    static final Path FILE = Path.of("../model/src/test/resources/recordings/demo-jdk25-default.jfr");

    private DemoRecording() {
    }

    static ProfileSnapshot snapshot() throws Exception {
        return JfrFiles.importFile(FILE).snapshot();
    }

    /** Start of the first scheduled 300 ms spike request ({@code dev.vitals.demo.Request} with {@code spike}). */
    static long firstSpikeStartNanos() throws Exception {
        IntervalTable intervals = snapshot().intervals();
        int request = intervals.typeIndexOf("dev.vitals.demo.Request");
        long first = Long.MAX_VALUE;
        for (int i = 0; i < intervals.length(); i++) {
            if (intervals.typeIndex(i) == request && Boolean.TRUE.equals(intervals.field(i, "spike"))) {
                first = Math.min(first, intervals.start(i));
            }
        }
        assertThat(first).as("a spike in the recording").isLessThan(Long.MAX_VALUE);
        return first;
    }

    /** The first node named {@code name} in depth-first order, −1 if none. */
    static int firstNodeNamed(CallTree tree, String name) {
        for (int i = 0; i < tree.size(); i++) {
            if (tree.name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The frame names from the root's child down to {@code node}. */
    static List<String> path(CallTree tree, int node) {
        List<String> path = new ArrayList<>();
        for (int n = node; n > 0; n = tree.parent(n)) {
            path.addFirst(tree.name(n));
        }
        return path;
    }
}
