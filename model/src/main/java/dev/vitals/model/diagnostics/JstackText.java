package dev.vitals.model.diagnostics;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a {@link ThreadDump} in the layout of {@code jstack -l}, which people and tools know how to read. */
final class JstackText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private JstackText() {
    }

    static String of(ThreadDump dump) {
        StringBuilder out = new StringBuilder();
        out.append(TIME.format(dump.taken())).append('\n');
        out.append("Full thread dump ").append(dump.jvm()).append(":\n\n");
        for (DumpedThread thread : dump.threads()) {
            thread(out, thread);
        }
        for (DeadlockCycle cycle : dump.deadlocks()) {
            deadlock(out, dump, cycle);
        }
        if (!dump.deadlocks().isEmpty()) {
            out.append("Found ").append(dump.deadlocks().size())
                    .append(dump.deadlocks().size() == 1 ? " deadlock.\n" : " deadlocks.\n");
        }
        return out.toString();
    }

    private static void thread(StringBuilder out, DumpedThread thread) {
        out.append('"').append(thread.name()).append("\" #").append(thread.id());
        if (thread.virtual()) {
            out.append(" virtual");
        }
        if (thread.daemon()) {
            out.append(" daemon");
        }
        if (thread.priority() > 0) {
            out.append(" prio=").append(thread.priority());
        }
        if (thread.cpuNanos() >= 0) {
            out.append(String.format(Locale.ROOT, " cpu=%.2fms", thread.cpuNanos() / 1e6));
        }
        out.append('\n');
        out.append("   java.lang.Thread.State: ").append(thread.state()).append(stateDetail(thread)).append('\n');
        for (int i = 0; i < thread.stack().size(); i++) {
            StackFrame frame = thread.stack().get(i);
            out.append("\tat ").append(frame.text()).append('\n');
            if (i == 0 && thread.waitingOn() != null) {
                out.append("\t- ").append(waitVerb(thread)).append(' ').append(thread.waitingOn().text());
                if (thread.lockOwnerId() >= 0) {
                    out.append(" owned by \"").append(thread.lockOwnerName()).append("\" #").append(thread.lockOwnerId());
                }
                out.append('\n');
            }
            for (LockRef lock : frame.lockedHere()) {
                out.append("\t- locked ").append(lock.text()).append('\n');
            }
        }
        out.append("\n   Locked ownable synchronizers:\n");
        if (thread.lockedSynchronizers().isEmpty()) {
            out.append("\t- None\n");
        }
        for (LockRef lock : thread.lockedSynchronizers()) {
            out.append("\t- ").append(lock.text()).append('\n');
        }
        out.append('\n');
    }

    private static void deadlock(StringBuilder out, ThreadDump dump, DeadlockCycle cycle) {
        out.append("Found one Java-level deadlock:\n=============================\n");
        for (DumpedThread thread : dump.threadsOf(cycle)) {
            out.append('"').append(thread.name()).append("\":\n  ").append(waitVerb(thread)).append(' ')
                    .append(thread.waitingOn() == null ? "nothing" : thread.waitingOn().text()).append(",\n")
                    .append("  which is held by \"").append(thread.lockOwnerName()).append("\"\n");
        }
        out.append("\nJava stack information for the threads listed above:\n")
                .append("===================================================\n");
        for (DumpedThread thread : dump.threadsOf(cycle)) {
            out.append('"').append(thread.name()).append("\":\n");
            thread.stack().forEach(f -> out.append("\tat ").append(f.text()).append('\n'));
        }
        out.append('\n');
    }

    /** What {@code jstack} says of the lock a thread waits for. */
    static String waitVerb(DumpedThread thread) {
        if (thread.state() == Thread.State.BLOCKED) {
            return "waiting to lock";
        }
        return thread.inObjectWait() ? "waiting on" : "parking to wait for";
    }

    private static String stateDetail(DumpedThread thread) {
        return switch (thread.state()) {
            case BLOCKED -> " (on object monitor)";
            case WAITING, TIMED_WAITING -> thread.inObjectWait() ? " (on object monitor)"
                    : thread.waitingOn() != null ? " (parking)" : "";
            case NEW, RUNNABLE, TERMINATED -> "";
        };
    }
}
