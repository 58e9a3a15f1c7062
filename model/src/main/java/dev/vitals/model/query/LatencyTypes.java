package dev.vitals.model.query;

import dev.vitals.model.IntervalTable;

import java.util.List;

/**
 * Which interval event type a latency view shows first: the application's own interval events
 * (a type outside the JDK's {@code jdk.} namespace with events that last, such as the demo's
 * {@code dev.vitals.demo.Request}), the one with the most such events; else the first of the JDK's
 * types worth a heatmap that the recording has; else the type with the most events that last.
 */
public final class LatencyTypes {
    /** JDK interval types worth a latency heatmap, in order of preference. */
    private static final List<String> JDK_PREFERRED = List.of("jdk.MethodTrace", "jdk.JavaMonitorEnter",
            "jdk.ThreadPark", "jdk.SocketRead", "jdk.GarbageCollection");

    private LatencyTypes() {
    }

    /**
     * The type to show first, {@code null} when the recording has no events that last. Costs one
     * step per event type, not per event ({@link IntervalTable#lastingCount}), so a live window may
     * ask at each refresh.
     */
    public static String preferred(IntervalTable intervals) {
        int types = intervals.typeCount();
        long[] lasting = new long[types];
        for (int t = 0; t < types; t++) {
            lasting[t] = intervals.lastingCount(t);
        }
        int best = -1;
        for (int t = 0; t < types; t++) {
            if (!intervals.type(t).name().startsWith("jdk.") && lasting[t] > 0 && (best < 0 || lasting[t] > lasting[best])) {
                best = t;
            }
        }
        if (best >= 0) {
            return intervals.type(best).name();
        }
        for (String type : JDK_PREFERRED) {
            int t = intervals.typeIndexOf(type);
            if (t >= 0 && lasting[t] > 0) {
                return type;
            }
        }
        for (int t = 0; t < types; t++) {
            best = lasting[t] > 0 && (best < 0 || lasting[t] > lasting[best]) ? t : best;
        }
        return best < 0 ? null : intervals.type(best).name();
    }
}
