package dev.vitals.bench;

import dev.vitals.model.Profile;
import dev.vitals.model.internal.ProfileStore;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.jfr.JfrImportException;

import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints the memory a sample costs: the committed sample columns' bytes divided by the samples,
 * and the heap growth of a whole synthetic model (interning tables included) per sample.
 * Run: {@code java -cp bench/target/benchmarks.jar dev.vitals.bench.BytesPerSample [samples]}; given a
 * recording instead ({@code … BytesPerSample FILE.jfr}), the heap its imported model retains per event.
 */
public final class BytesPerSample {
    private BytesPerSample() {
    }

    public static void main(String[] args) throws JfrImportException {
        if (args.length > 0 && !args[0].chars().allMatch(Character::isDigit)) {
            retainedPerEvent(Path.of(args[0]));
            return;
        }
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = usedHeap();
        ProfileStore store = SyntheticSamples.store(samples, 20_000);
        long after = usedHeap();
        long[] bytesAndCount = store.sampleBytesAndCount();
        System.out.printf("samples: %d%n", bytesAndCount[1]);
        System.out.printf("sample columns: %.1f bytes/sample%n", (double) bytesAndCount[0] / bytesAndCount[1]);
        System.out.printf("whole model heap growth: %.1f bytes/sample%n", (double) (after - before) / samples);
    }

    /** The heap a recording's imported model retains, per event (every event the recording holds). */
    private static void retainedPerEvent(Path recording) throws JfrImportException {
        long before = usedHeap();
        Profile profile = JfrFiles.importFile(recording);
        long after = usedHeap();
        long events = profile.snapshot().info().eventCounts().entrySet().stream()
                .filter(e -> !e.getKey().endsWith(".Metadata") && !e.getKey().endsWith(".Checkpoint"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("events: %d%n", events);
        System.out.printf("model heap after import: %.1f MB, %.1f bytes/event%n", (after - before) / 1e6,
                (double) (after - before) / events);
        Reference.reachabilityFence(profile);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
