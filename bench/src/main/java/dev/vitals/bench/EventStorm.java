package dev.vitals.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * A workload that makes a large recording quickly: threads that park for a few microseconds at
 * the end of varied, deep call paths (16 to 63 frames; so {@code jdk.ThreadPark} with threshold 0
 * records many events with many distinct stacks) and allocate along the way. Arguments: seconds,
 * threads, distinct paths per thread (0: a fresh random path every time, the worst case for stack
 * interning). Run by make-recording.sh.
 */
public final class EventStorm {
    static volatile long sink;

    private EventStorm() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        // distinct call paths per thread; 0: every event takes a fresh random path (worst case)
        int paths = args.length > 2 ? Integer.parseInt(args[2]) : 4096;
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long seed = t * 7919L + 1;
            workers[t] = new Thread(() -> {
                long x = seed;
                long i = 0;
                while (System.nanoTime() < deadline) {
                    x = x * 6364136223846793005L + 1442695040888963407L;
                    long path = paths == 0 ? x : mix(seed + (x >>> 33) % paths);
                    descend((int) (16 + ((path >>> 40) & 47)), path);
                    i++;
                }
                sink += i;
            }, "storm-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void descend(int depth, long path) {
        if (depth == 0) {
            sink += new byte[(int) (path & 1023) + 16].length;
            LockSupport.parkNanos(2_000);
            return;
        }
        switch ((int) (path & 3)) {
            case 0 -> left(depth - 1, path >>> 2);
            case 1 -> right(depth - 1, path >>> 2);
            case 2 -> middle(depth - 1, path >>> 2);
            default -> descend(depth - 1, path >>> 2 | Long.MIN_VALUE >>> 1);
        }
    }

    private static void left(int depth, long path) {
        descend(depth, path);
    }

    private static void right(int depth, long path) {
        descend(depth, path);
    }

    private static void middle(int depth, long path) {
        descend(depth, path);
    }
}
