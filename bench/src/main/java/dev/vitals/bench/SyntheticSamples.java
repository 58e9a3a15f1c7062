package dev.vitals.bench;

import dev.vitals.model.FrameType;
import dev.vitals.model.MethodInfo;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.SampleKind;
import dev.vitals.model.ThreadInfo;
import dev.vitals.model.internal.ProfileStore;

import java.util.List;
import java.util.SplittableRandom;

/** Models of synthetic samples over random stacks, for the call-tree, memory and view benchmarks. */
final class SyntheticSamples {
    private static final long START = 1_000_000_000_000L;

    private SyntheticSamples() {
    }

    /**
     * {@code samples} samples over {@code stacks} distinct stacks (depth 10 to 60, frames from 2 000
     * methods; each stack adds 1 to 8 frames to a prefix of an earlier one), 16 threads, one per millisecond,
     * committed in batches of 50 000.
     */
    static ProfileStore store(int samples, int stacks) {
        return store(samples, stacks, 1_000_000L);
    }

    /** As {@link #store(int, int)}, one sample every {@code periodNanos}. */
    static ProfileStore store(int samples, int stacks, long periodNanos) {
        ProfileStore store = new ProfileStore();
        SplittableRandom random = new SplittableRandom(42);
        int[] leaves = stacks(store, random, stacks);
        int[] threads = threads(store, 16);
        long time = START;
        for (int i = 0; i < samples; i++) {
            store.addSample("jdk.ExecutionSample", SampleKind.CPU, time, threads[i & 15], leaves[random.nextInt(stacks)], 1);
            time += periodNanos;
            if ((i + 1) % 50_000 == 0) {
                store.commit();
            }
        }
        store.count("jdk.ExecutionSample", samples);
        store.commit();
        return store;
    }

    /**
     * A recording of {@code seconds} on {@code threadCount} threads, for the time-based views: per
     * thread one CPU sample a second and a 3-second {@code jdk.ThreadPark} every 10 seconds (at a
     * per-thread offset); ten allocation samples a second; the CPU, heap and thread-count series the
     * charts plot, one value a second each. Stacks as in {@link #store(int, int)} (2 000 of them).
     */
    static ProfileSnapshot timeline(int threadCount, int seconds) {
        ProfileStore store = new ProfileStore();
        SplittableRandom random = new SplittableRandom(42);
        int[] leaves = stacks(store, random, 2000);
        int[] threads = threads(store, threadCount);
        int park = store.eventType("jdk.ThreadPark", "Java Thread Park", List.of());
        Object[] noFields = new Object[0];
        long second = 1_000_000_000L;
        for (int s = 0; s < seconds; s++) {
            long base = START + s * second;
            for (int t = 0; t < threadCount; t++) {
                int stack = leaves[random.nextInt(leaves.length)];
                store.addSample("jdk.ExecutionSample", SampleKind.CPU, base + random.nextLong(second), threads[t], stack, 1);
                if ((s + t) % 10 == 0) {
                    store.addInterval(base + random.nextLong(second / 2), 3 * second, threads[t], stack, park, noFields);
                }
            }
            for (int a = 0; a < 10; a++) {
                store.addSample("jdk.ObjectAllocationSample", SampleKind.ALLOCATION, base + a * second / 10,
                        threads[random.nextInt(threadCount)], leaves[random.nextInt(leaves.length)], 1 + random.nextInt(1 << 20));
            }
            double wave = Math.sin(s / 60.0);
            store.addSeriesValue("jdk.CPULoad.jvmUser", "percent", base, 0.4 + 0.2 * wave);
            store.addSeriesValue("jdk.CPULoad.jvmSystem", "percent", base, 0.05 + 0.02 * random.nextDouble());
            store.addSeriesValue("jdk.CPULoad.machineTotal", "percent", base, 0.7 + 0.2 * wave);
            store.addSeriesValue("jdk.GCHeapSummary.heapUsed", "bytes", base, (1L << 30) * (1.2 + wave));
            store.addSeriesValue("jdk.GCHeapMemoryUsage.committed", "bytes", base, (1L << 30) * 2.5);
            store.addSeriesValue("jdk.JavaThreadStatistics.activeCount", "count", base, threadCount + 20);
            store.addSeriesValue("jdk.JavaThreadStatistics.daemonCount", "count", base, 20);
            if (s % 60 == 59) {
                store.commit();
            }
        }
        store.count("jdk.ExecutionSample", (long) threadCount * seconds);
        store.count("jdk.ObjectAllocationSample", 10L * seconds);
        store.commit();
        return store.snapshot(new RecordingInfo("synthetic timeline", "", "", START, START + seconds * second, 0,
                store.counts(), List.of()));
    }

    private static int[] stacks(ProfileStore store, SplittableRandom random, int stacks) {
        int[] frames = new int[2000];
        for (int m = 0; m < frames.length; m++) {
            int method = store.method(new MethodInfo("bench.pkg" + (m % 20) + ".Class" + (m % 200), "method" + m, "()V", 1,
                    false, "bench.pkg" + (m % 20)));
            frames[m] = store.frame(method, m, m % 3 == 0 ? FrameType.INLINED : FrameType.JIT);
        }
        int[] leaves = new int[stacks];
        for (int s = 0; s < stacks; s++) {
            // a new stack grows from a random earlier one cut at a random depth, as call trees do
            int stack = -1;
            if (s > 0) {
                stack = leaves[random.nextInt(s)];
                int cut = random.nextInt(store.stackDepth(stack) + 1);
                while (stack >= 0 && store.stackDepth(stack) > cut) {
                    stack = store.stackParent(stack);
                }
            }
            int base = stack < 0 ? 0 : store.stackDepth(stack);
            int target = Math.min(60, Math.max(10, base + 1 + random.nextInt(8)));
            for (int d = base; d < target; d++) {
                stack = store.stack(stack, frames[random.nextInt(frames.length)], false);
            }
            leaves[s] = stack;
        }
        return leaves;
    }

    private static int[] threads(ProfileStore store, int count) {
        int[] threads = new int[count];
        for (int t = 0; t < count; t++) {
            threads[t] = store.thread(new ThreadInfo(t + 1, t + 100, "thread-" + t, false));
        }
        return threads;
    }

    static ProfileSnapshot snapshot(ProfileStore store, int samples) {
        return snapshot(store, samples, 1_000_000L);
    }

    /** The snapshot of a {@link #store(int, int, long)} of {@code samples} every {@code periodNanos}. */
    static ProfileSnapshot snapshot(ProfileStore store, int samples, long periodNanos) {
        return store.snapshot(new RecordingInfo("synthetic", "", "", START, START + samples * periodNanos, 0,
                store.counts(), List.of()));
    }
}
