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

/** A model of synthetic CPU samples over random stacks, for the call-tree and memory benchmarks. */
final class SyntheticSamples {
    private SyntheticSamples() {
    }

    /**
     * {@code samples} samples over {@code stacks} distinct stacks (depth 10 to 60, frames from 2 000
     * methods; each stack adds 1 to 8 frames to a prefix of an earlier one), 16 threads, one per millisecond,
     * committed in batches of 50 000.
     */
    static ProfileStore store(int samples, int stacks) {
        ProfileStore store = new ProfileStore();
        SplittableRandom random = new SplittableRandom(42);
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
        int[] threads = new int[16];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = store.thread(new ThreadInfo(t + 1, t + 100, "thread-" + t, false));
        }
        long time = 1_000_000_000_000L;
        for (int i = 0; i < samples; i++) {
            store.addSample("jdk.ExecutionSample", SampleKind.CPU, time, threads[i & 15], leaves[random.nextInt(stacks)], 1);
            time += 1_000_000L;
            if ((i + 1) % 50_000 == 0) {
                store.commit();
            }
        }
        store.count("jdk.ExecutionSample", samples);
        store.commit();
        return store;
    }

    static ProfileSnapshot snapshot(ProfileStore store, int samples) {
        return store.snapshot(new RecordingInfo("synthetic", "", "", 1_000_000_000_000L,
                1_000_000_000_000L + samples * 1_000_000L, 0, store.counts(), List.of()));
    }
}
