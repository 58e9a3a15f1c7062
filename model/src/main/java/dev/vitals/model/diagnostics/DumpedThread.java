package dev.vitals.model.diagnostics;

import java.util.List;
import java.util.stream.Stream;

/**
 * One thread of a {@link ThreadDump}.
 *
 * @param id                 the thread id ({@code Thread.threadId()})
 * @param name               the thread's name
 * @param state              its state when dumped
 * @param daemon             a daemon thread
 * @param priority           its priority (0 when the JVM did not say, as for virtual threads)
 * @param cpuNanos           CPU time used so far, −1 when the JVM does not measure it
 * @param virtual            a virtual thread
 * @param stack              the stack, top frame first
 * @param waitingOn          the lock it waits for (to enter, to be notified, or parked on), or null
 * @param lockOwnerId        the id of the thread holding {@code waitingOn}, −1 if none
 * @param lockOwnerName      that thread's name, empty if none
 * @param lockedSynchronizers ownable synchronizers it holds ({@code ReentrantLock} and the like)
 */
public record DumpedThread(long id, String name, Thread.State state, boolean daemon, int priority, long cpuNanos,
                           boolean virtual, List<StackFrame> stack, LockRef waitingOn, long lockOwnerId,
                           String lockOwnerName, List<LockRef> lockedSynchronizers) {
    public DumpedThread {
        stack = List.copyOf(stack);
        lockedSynchronizers = List.copyOf(lockedSynchronizers);
    }

    /** Every lock it holds: monitors on its stack and ownable synchronizers. */
    public List<LockRef> locksHeld() {
        return Stream.concat(stack.stream().flatMap(f -> f.lockedHere().stream()),
                lockedSynchronizers.stream()).toList();
    }

    /** Whether it waits in {@code Object.wait} (notified), rather than to enter a monitor or parked. */
    public boolean inObjectWait() {
        return !stack.isEmpty() && stack.getFirst().className().equals("java.lang.Object")
                && stack.getFirst().method().startsWith("wait");
    }
}
