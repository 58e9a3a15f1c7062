package dev.vitals.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A JVM for the pinning rule's test: virtual threads that block while pinned to their carrier. On
 * JDK 24 and later {@code synchronized} no longer pins, but a class initializer still runs below a
 * VM frame, so a virtual thread that sleeps in one stays pinned while it sleeps: each of
 * four classes sleeps {@code 200 + 50 × k} ms in its initializer, first touched by one
 * virtual thread each. Another virtual thread sleeps outside any initializer (not pinned).
 */
public final class PinningWorkload {
    private PinningWorkload() {
    }

    public static void main(String[] args) throws Exception {
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofVirtual().name("pinned-1").start(() -> touch(Holder1.VALUE)));
        threads.add(Thread.ofVirtual().name("pinned-2").start(() -> touch(Holder2.VALUE)));
        threads.add(Thread.ofVirtual().name("pinned-3").start(() -> touch(Holder3.VALUE)));
        threads.add(Thread.ofVirtual().name("pinned-4").start(() -> touch(Holder4.VALUE)));
        threads.add(Thread.ofVirtual().name("unpinned").start(() -> LockSupport.parkNanos(80_000_000L)));
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void touch(long value) {
        if (value < 0) {
            throw new AssertionError(value);
        }
    }

    /** Sleeps 200 + 50 × k ms; returns how long it slept. */
    static long blockInInitializer(int k) {
        long start = System.nanoTime();
        try {
            Thread.sleep(200 + 50L * k);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return System.nanoTime() - start;
    }

    static final class Holder1 {
        static final long VALUE = blockInInitializer(1);
    }

    static final class Holder2 {
        static final long VALUE = blockInInitializer(2);
    }

    static final class Holder3 {
        static final long VALUE = blockInInitializer(3);
    }

    static final class Holder4 {
        static final long VALUE = blockInInitializer(4);
    }
}
