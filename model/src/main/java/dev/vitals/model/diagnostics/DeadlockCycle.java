package dev.vitals.model.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Threads that wait for each other in a ring: each waits for a lock the next one holds, and the
 * last waits for the first's. Ordered from the thread with the lowest id, so one cycle has one form.
 */
public record DeadlockCycle(List<Long> threadIds) {
    public DeadlockCycle {
        threadIds = List.copyOf(threadIds);
        if (threadIds.size() < 2) {
            throw new IllegalArgumentException("a deadlock needs two threads at least, not " + threadIds);
        }
    }

    /**
     * Follows lock owners from {@code start} until a thread repeats: the ring it ends in, or null
     * when the chain ends at a thread that waits for nothing (a blocked thread that is not in a
     * deadlock itself, only waiting for one).
     */
    public static DeadlockCycle from(long start, LongFunction<DumpedThread> threads) {
        List<Long> path = new ArrayList<>();
        long id = start;
        while (!path.contains(id)) {
            DumpedThread thread = threads.apply(id);
            if (thread == null || thread.lockOwnerId() < 0) {
                return null;
            }
            path.add(id);
            id = thread.lockOwnerId();
        }
        List<Long> ring = path.subList(path.indexOf(id), path.size());
        int lowest = ring.indexOf(ring.stream().min(Long::compare).orElseThrow());
        List<Long> ordered = new ArrayList<>(ring.subList(lowest, ring.size()));
        ordered.addAll(ring.subList(0, lowest));
        return new DeadlockCycle(ordered);
    }
}
