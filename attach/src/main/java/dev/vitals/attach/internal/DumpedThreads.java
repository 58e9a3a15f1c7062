package dev.vitals.attach.internal;

import dev.vitals.model.diagnostics.DumpedThread;
import dev.vitals.model.diagnostics.LockRef;
import dev.vitals.model.diagnostics.StackFrame;

import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the JMX {@link ThreadInfo} of one thread into the model's {@link DumpedThread}. */
public final class DumpedThreads {
    private DumpedThreads() {
    }

    /** The thread, with {@code cpuNanos} (−1 when unknown). */
    public static DumpedThread of(ThreadInfo info, long cpuNanos) {
        StackTraceElement[] trace = info.getStackTrace();
        List<List<LockRef>> lockedAt = new ArrayList<>();
        for (int i = 0; i < trace.length; i++) {
            lockedAt.add(new ArrayList<>());
        }
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            int depth = monitor.getLockedStackDepth();
            if (depth >= 0 && depth < trace.length) {
                lockedAt.get(depth).add(lock(monitor));
            }
        }
        List<StackFrame> stack = new ArrayList<>(trace.length);
        for (int i = 0; i < trace.length; i++) {
            StackTraceElement e = trace[i];
            stack.add(new StackFrame(e.getClassName(), e.getMethodName(), e.getFileName() == null ? "" : e.getFileName(),
                    e.isNativeMethod() ? -2 : Math.max(-1, e.getLineNumber()), lockedAt.get(i)));
        }
        LockInfo waiting = info.getLockInfo();
        return new DumpedThread(info.getThreadId(), info.getThreadName(), info.getThreadState(), info.isDaemon(),
                info.getPriority(), cpuNanos, false, stack, waiting == null ? null : lock(waiting),
                info.getLockOwnerId(), info.getLockOwnerName() == null ? "" : info.getLockOwnerName(),
                Arrays.stream(info.getLockedSynchronizers()).map(DumpedThreads::lock).toList());
    }

    private static LockRef lock(LockInfo lock) {
        return new LockRef(lock.getClassName(), lock.getIdentityHashCode());
    }
}
