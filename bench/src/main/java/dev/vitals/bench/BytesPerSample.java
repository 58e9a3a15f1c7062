package dev.vitals.bench;

import dev.vitals.model.internal.ProfileStore;

/**
 * Prints the memory a sample costs: the committed sample columns' bytes divided by the samples,
 * and the heap growth of a whole synthetic model (interning tables included) per sample.
 * Run: {@code java -cp bench/target/benchmarks.jar dev.vitals.bench.BytesPerSample [samples]}.
 */
public final class BytesPerSample {
    private BytesPerSample() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedHeap();
        ProfileStore store = SyntheticSamples.store(samples, 20_000);
        long after = usedHeap();
        long[] bytesAndCount = store.sampleBytesAndCount();
        System.out.printf("samples: %d%n", bytesAndCount[1]);
        System.out.printf("sample columns: %.1f bytes/sample%n", (double) bytesAndCount[0] / bytesAndCount[1]);
        System.out.printf("whole model heap growth: %.1f bytes/sample%n", (double) (after - before) / samples);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
