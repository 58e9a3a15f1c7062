package dev.vitals.model.diagnostics;

import dev.vitals.model.export.Json;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thread dumps and heap histograms as JSON, and back: the form {@code vitals threads --json} and
 * {@code vitals histo --json} print and sessions keep. Reading throws {@link IllegalArgumentException}
 * (with what was wrong) on anything that is not such a document.
 */
public final class DiagnosticsJson {
    private DiagnosticsJson() {
    }

    public static String write(ThreadDump dump) {
        return "{\"takenEpochMillis\": " + dump.takenEpochMillis() + ", \"jvm\": " + Json.quote(dump.jvm())
                + ",\n \"threads\": [" + dump.threads().stream().map(DiagnosticsJson::thread)
                        .collect(Collectors.joining(",\n  ", "\n  ", "\n ")) + "],\n \"deadlocks\": ["
                + dump.deadlocks().stream().map(c -> deadlock(dump, c)).collect(Collectors.joining(", ")) + "]}\n";
    }

    private static String thread(DumpedThread t) {
        return "{\"id\": " + t.id() + ", \"name\": " + Json.quote(t.name()) + ", \"state\": " + Json.quote(t.state().name())
                + ", \"daemon\": " + t.daemon() + ", \"priority\": " + t.priority() + ", \"cpuNanos\": " + t.cpuNanos()
                + ", \"virtual\": " + t.virtual() + ", \"waitingOn\": " + (t.waitingOn() == null ? "null" : lock(t.waitingOn()))
                + ", \"lockOwnerId\": " + t.lockOwnerId() + ", \"lockOwnerName\": " + Json.quote(t.lockOwnerName())
                + ", \"lockedSynchronizers\": " + locks(t.lockedSynchronizers())
                + ", \"stack\": [" + t.stack().stream().map(DiagnosticsJson::frame).collect(Collectors.joining(", ")) + "]}";
    }

    private static String frame(StackFrame f) {
        return "{\"className\": " + Json.quote(f.className()) + ", \"method\": " + Json.quote(f.method()) + ", \"file\": "
                + Json.quote(f.file()) + ", \"line\": " + f.line() + ", \"locked\": " + locks(f.lockedHere()) + "}";
    }

    private static String lock(LockRef lock) {
        return "{\"className\": " + Json.quote(lock.className()) + ", \"identityHash\": " + lock.identityHash() + "}";
    }

    private static String locks(List<LockRef> locks) {
        return locks.stream().map(DiagnosticsJson::lock).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String deadlock(ThreadDump dump, DeadlockCycle cycle) {
        return dump.threadsOf(cycle).stream().map(t -> "{\"id\": " + t.id() + ", \"name\": " + Json.quote(t.name()) + "}")
                .collect(Collectors.joining(", ", "{\"threads\": [", "]}"));
    }

    public static String write(HeapHistogram histogram) {
        return "{\"takenEpochMillis\": " + histogram.takenEpochMillis() + ", \"liveOnly\": " + histogram.liveOnly()
                + ", \"totalInstances\": " + histogram.totalInstances() + ", \"totalBytes\": " + histogram.totalBytes()
                + ",\n \"rows\": [" + histogram.rows().stream().map(r -> "{\"className\": " + Json.quote(r.className())
                        + ", \"module\": " + Json.quote(r.module()) + ", \"instances\": " + r.instances()
                        + ", \"bytes\": " + r.bytes() + "}").collect(Collectors.joining(",\n  ", "\n  ", "\n ")) + "]}\n";
    }

    public static ThreadDump readThreadDump(String json) {
        Map<String, Object> o = object(Json.parse(json), "a thread dump");
        List<DumpedThread> threads = list(o, "threads").stream().map(t -> thread(object(t, "a thread"))).toList();
        List<DeadlockCycle> deadlocks = list(o, "deadlocks").stream().map(c -> new DeadlockCycle(
                list(object(c, "a deadlock"), "threads").stream().map(t -> number(object(t, "a thread"), "id")).toList()))
                .toList();
        return new ThreadDump(number(o, "takenEpochMillis"), string(o, "jvm"), threads, deadlocks);
    }

    private static DumpedThread thread(Map<String, Object> t) {
        Object waiting = t.get("waitingOn");
        return new DumpedThread(number(t, "id"), string(t, "name"), Thread.State.valueOf(string(t, "state")),
                bool(t, "daemon"), (int) number(t, "priority"), number(t, "cpuNanos"), bool(t, "virtual"),
                list(t, "stack").stream().map(f -> frame(object(f, "a frame"))).toList(),
                waiting == null ? null : lock(object(waiting, "a lock")), number(t, "lockOwnerId"),
                string(t, "lockOwnerName"), readLocks(list(t, "lockedSynchronizers")));
    }

    private static StackFrame frame(Map<String, Object> f) {
        return new StackFrame(string(f, "className"), string(f, "method"), string(f, "file"), (int) number(f, "line"),
                readLocks(list(f, "locked")));
    }

    private static LockRef lock(Map<String, Object> l) {
        return new LockRef(string(l, "className"), (int) number(l, "identityHash"));
    }

    private static List<LockRef> readLocks(List<Object> locks) {
        return locks.stream().map(l -> lock(object(l, "a lock"))).toList();
    }

    public static HeapHistogram readHistogram(String json) {
        Map<String, Object> o = object(Json.parse(json), "a heap histogram");
        return new HeapHistogram(number(o, "takenEpochMillis"), bool(o, "liveOnly"), list(o, "rows").stream()
                .map(r -> object(r, "a histogram row"))
                .map(r -> new HistogramRow(string(r, "className"), string(r, "module"), number(r, "instances"),
                        number(r, "bytes"))).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected " + what + " (a JSON object), found " + value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> o, String key) {
        if (o.get(key) instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("'" + key + "' is not a list");
    }

    private static long number(Map<String, Object> o, String key) {
        if (o.get(key) instanceof Long n) {
            return n;
        }
        throw new IllegalArgumentException("'" + key + "' is not a whole number");
    }

    private static String string(Map<String, Object> o, String key) {
        if (o.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + key + "' is not a string");
    }

    private static boolean bool(Map<String, Object> o, String key) {
        if (o.get(key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + key + "' is not true or false");
    }
}
