package dev.vitals.attach;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.HotMethod;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Selection;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A live session's model, with what the tests ask of it: events per type, hot methods, traced methods, flushes read. */
final class RecordingSink {
    final ModelSink model;
    final AtomicLong flushes = new AtomicLong();

    RecordingSink(String source) {
        model = new ModelSink(source, snapshot -> flushes.incrementAndGet());
    }

    private ProfileSnapshot snapshot() {
        return model.profile().snapshot();
    }

    long count(String type) {
        return snapshot().info().eventCounts().getOrDefault(type, 0L);
    }

    long total() {
        return model.events();
    }

    /** The three methods most often on top of execution samples. */
    List<String> hottest() {
        return HotMethods.of(snapshot(), Selection.cpu(), 3).stream().map(HotMethod::method).toList();
    }

    /** Whether a {@code jdk.MethodTrace} event of {@code method} ("class.name") has arrived. */
    boolean traced(String method) {
        ProfileSnapshot snapshot = snapshot();
        IntervalTable intervals = snapshot.intervals();
        int type = intervals.typeIndexOf("jdk.MethodTrace");
        for (int i = 0; type >= 0 && i < intervals.length(); i++) {
            if (intervals.typeIndex(i) == type && method.equals(intervals.field(i, "method"))) {
                return true;
            }
        }
        return false;
    }
}
