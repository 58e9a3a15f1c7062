package dev.vitals.model.diagnostics;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The threads of a JVM at one moment, with the deadlocks the JVM found among them. Immutable.
 *
 * @param takenEpochMillis when it was taken
 * @param jvm              the JVM it was taken from, in words ({@code OpenJDK 64-Bit Server VM 25.0.1, pid 123})
 * @param threads          every thread, in the JVM's order
 * @param deadlocks        the deadlocks found, each a ring of thread ids present in {@code threads}
 */
public record ThreadDump(long takenEpochMillis, String jvm, List<DumpedThread> threads, List<DeadlockCycle> deadlocks) {
    public ThreadDump {
        threads = List.copyOf(threads);
        deadlocks = List.copyOf(deadlocks);
    }

    public Instant taken() {
        return Instant.ofEpochMilli(takenEpochMillis);
    }

    public Optional<DumpedThread> thread(long id) {
        return threads.stream().filter(t -> t.id() == id).findFirst();
    }

    /** The threads in one deadlock, in the cycle's order. */
    public List<DumpedThread> threadsOf(DeadlockCycle cycle) {
        Map<Long, DumpedThread> byId = new HashMap<>();
        threads.forEach(t -> byId.put(t.id(), t));
        return cycle.threadIds().stream().map(byId::get).toList();
    }

    /** Whether the thread is part of a deadlock. */
    public boolean deadlocked(long threadId) {
        return deadlocks.stream().anyMatch(c -> c.threadIds().contains(threadId));
    }

    /** The dump in the layout of {@code jstack -l}, deadlocks at the end. */
    public String jstackText() {
        return JstackText.of(this);
    }
}
