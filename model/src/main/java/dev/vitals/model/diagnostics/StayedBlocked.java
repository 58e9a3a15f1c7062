package dev.vitals.model.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two thread dumps compared: the threads that waited for the same held lock, at the same frame,
 * in both. A thread found so in dumps some seconds apart is
 * stuck rather than busy.
 *
 * @param threads the threads of the later dump that stayed, in its order
 */
public record StayedBlocked(List<DumpedThread> threads) {
    public StayedBlocked {
        threads = List.copyOf(threads);
    }

    /**
     * Threads that wait for a held lock (blocked on a monitor, or parked on a synchronizer another
     * thread owns) in both dumps, for the same lock at the same frame.
     */
    public static StayedBlocked between(ThreadDump earlier, ThreadDump later) {
        List<DumpedThread> stayed = new ArrayList<>();
        for (DumpedThread now : later.threads()) {
            if (now.waitingOn() == null || now.state() != Thread.State.BLOCKED && now.lockOwnerId() < 0) {
                continue;
            }
            earlier.thread(now.id()).filter(before -> Objects.equals(before.waitingOn(), now.waitingOn())
                    && before.state() == now.state()
                    && Objects.equals(top(before), top(now))).ifPresent(before -> stayed.add(now));
        }
        return new StayedBlocked(stayed);
    }

    private static StackFrame top(DumpedThread thread) {
        return thread.stack().isEmpty() ? null : thread.stack().getFirst();
    }
}
