package dev.vitals.attach.internal;

import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.StackFrame;
import dev.vitals.model.export.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the virtual threads out of {@code Thread.dump_to_file -format=json} (JDK 21+): the threads
 * that JMX's thread dump leaves out. Only entries that carry a state are read (JDK 25 writes it,
 * JDK 21 does not, nor does it mark them virtual); a virtual thread has no CPU time or lock details there.
 */
public final class VirtualThreadsJson {
    /** {@code java.base/java.lang.Thread.sleep(Thread.java:540)}; the module part is absent for the unnamed module. */
    private static final Pattern FRAME = Pattern.compile("^(?:[^/(]+/)?(.+)\\.([^.(]+)\\((.*)\\)$");

    private VirtualThreadsJson() {
    }

    /**
     * The threads the dump marks virtual, with their state, whose id is not in {@code known} (a
     * platform thread started between the two dumps is not mistaken for one).
     */
    @SuppressWarnings("unchecked")
    public static List<DumpedThread> parse(String json, Set<Long> known) {
        Map<String, Object> dump = (Map<String, Object>) ((Map<String, Object>) Json.parse(json)).get("threadDump");
        List<DumpedThread> threads = new ArrayList<>();
        for (Object c : (List<Object>) dump.get("threadContainers")) {
            for (Object t : (List<Object>) ((Map<String, Object>) c).get("threads")) {
                Map<String, Object> thread = (Map<String, Object>) t;
                long id = Long.parseLong(String.valueOf(thread.get("tid")));
                if (known.contains(id) || !Boolean.TRUE.equals(thread.get("virtual"))
                        || !(thread.get("state") instanceof String state)) {
                    continue;
                }
                List<StackFrame> stack = ((List<Object>) thread.getOrDefault("stack", List.of())).stream()
                        .map(String::valueOf).map(VirtualThreadsJson::frame).toList();
                threads.add(new DumpedThread(id, String.valueOf(thread.getOrDefault("name", "")),
                        Thread.State.valueOf(state), true, 0, -1, true, stack, null, -1, "", List.of()));
            }
        }
        return threads;
    }

    static StackFrame frame(String text) {
        Matcher m = FRAME.matcher(text);
        if (!m.matches()) {
            return new StackFrame(text, "", "", -1, List.of());
        }
        String where = m.group(3);
        if (where.equals("Native Method")) {
            return new StackFrame(m.group(1), m.group(2), "", -2, List.of());
        }
        int colon = where.lastIndexOf(':');
        if (colon < 0) {
            return new StackFrame(m.group(1), m.group(2), where.equals("Unknown Source") ? "" : where, -1, List.of());
        }
        int line;
        try {
            line = Integer.parseInt(where.substring(colon + 1));
        } catch (NumberFormatException e) {
            line = -1;
        }
        return new StackFrame(m.group(1), m.group(2), where.substring(0, colon), line, List.of());
    }
}
