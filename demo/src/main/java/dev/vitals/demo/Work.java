package dev.vitals.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo workload's named methods. Each CPU-bound method of a worker's cycle runs until its
 * deadline, so the share of CPU samples a method gets is the share of wall time it is given in
 * {@link DemoWorkload}'s cycle: {@link #hashLoop} 60 %, {@link #sortLoop} 30 %, {@link #allocate}
 * 10 % of a worker's time; {@link #spike} runs for its thread's CPU time instead.
 * Every method returns the number of work units it completed.
 */
final class Work {
    /** Sink for results so the JIT cannot drop the loops. */
    static volatile long sink;

    private Work() {
    }

    static long hashLoop(long deadlineNanos) {
        long units = 0;
        long h = 1125899906842597L;
        while (System.nanoTime() < deadlineNanos) {
            for (int i = 0; i < 10_000; i++) {
                h = 31 * h + (i ^ (h >>> 7));
            }
            units++;
        }
        sink += h;
        return units;
    }

    static long sortLoop(long deadlineNanos, int[] scratch, long seed) {
        long units = 0;
        long x = seed;
        while (System.nanoTime() < deadlineNanos) {
            for (int i = 0; i < scratch.length; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                scratch[i] = (int) (x >>> 33);
            }
            Arrays.sort(scratch);
            units++;
        }
        sink += scratch[scratch.length / 2];
        return units;
    }

    /** The allocation-heavy path: short-lived arrays and lists. */
    static long allocate(long deadlineNanos) {
        long units = 0;
        while (System.nanoTime() < deadlineNanos) {
            List<byte[]> garbage = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                garbage.add(new byte[1024 + i * 16]);
            }
            sink += garbage.size();
            units++;
        }
        return units;
    }

    /** A normal request: about a millisecond of CPU. */
    static long handleRequest(long requestId) {
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(800);
        long h = requestId;
        long units = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000; i++) {
                h = h * 0x9E3779B97F4A7C15L + i;
            }
            units++;
        }
        sink += h;
        return units;
    }

    /**
     * The scheduled latency spike: one request burns {@code millis} of its thread's CPU time here
     * (not of wall time), so the spike is this method's work however loaded the machine is. On a
     * busy machine a thread given little CPU (the niced demo of {@code vitals demo}) would otherwise
     * reach a wall-clock deadline having hardly run, and JFR would record no sample of it in the
     * slow request's span; measured CPU time makes the request as slow as the machine makes 300 ms
     * of work, and its samples are there.
     */
    static long spike(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long budget = TimeUnit.MILLISECONDS.toNanos(millis);
        long start = threads.getCurrentThreadCpuTime();
        long h = 7;
        long units = 0;
        while (threads.getCurrentThreadCpuTime() - start < budget) {
            for (int i = 0; i < 10_000; i++) {
                h ^= h << 13;
                h ^= h >>> 7;
                h ^= h << 17;
            }
            units++;
        }
        sink += h;
        return units;
    }

    static void park(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    static void waitOn(Object monitor, long millis) throws InterruptedException {
        synchronized (monitor) {
            monitor.wait(millis);
        }
    }

    /** Holds {@code lock} while sleeping, so another thread calling this blocks on the monitor. */
    static void holdLock(Object lock, long millis) throws InterruptedException {
        synchronized (lock) {
            Thread.sleep(millis);
        }
    }

    /**
     * Takes {@code first}, waits until {@code meeting} counts down (the other thread holds its first
     * monitor too), then takes {@code second}: with the other thread calling this with the monitors
     * swapped, both block for good.
     */
    static void lockInOrder(Object first, Object second, CountDownLatch meeting) throws InterruptedException {
        synchronized (first) {
            meeting.countDown();
            meeting.await();
            synchronized (second) {
                sink++;
            }
        }
    }

    /** Writes and forces a block of a temp file: file I/O the recording can show. */
    static void writeFile(FileChannel channel, ByteBuffer block) throws IOException {
        block.rewind();
        channel.write(block, 0);
        channel.force(false);
    }

    static FileChannel openScratchFile() throws IOException {
        Path file = java.nio.file.Files.createTempFile("vitals-demo", ".bin");
        file.toFile().deleteOnExit();
        return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
    }
}
