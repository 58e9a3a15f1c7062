package dev.vitals.analysis;

/**
 * A JVM for the lost CPU-time samples rule's test: {@code N} threads ({@code burner-i}) spin through
 * a 20-frame recursion for {@code MILLIS} ms, more busy threads than cores, so JDK 25's CPU-time
 * sampler at a short interval has more samples to take than it can (it counts the ones it loses).
 * Usage: {@code CpuBurner N MILLIS}.
 */
public final class CpuBurner {
    private CpuBurner() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long until = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000L;
        Thread[] burners = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            burners[i] = new Thread(() -> {
                long sum = 0;
                while (System.nanoTime() < until) {
                    sum += deep(20);
                }
                if (sum == 42) {
                    System.out.println(sum);
                }
            }, "burner-" + i);
            burners[i].start();
        }
        for (Thread t : burners) {
            t.join();
        }
    }

    private static long deep(int depth) {
        return depth == 0 ? System.nanoTime() & 7 : deep(depth - 1) + 1;
    }
}
