package dev.vitals.bench;

import dev.vitals.attach.Connection;
import dev.vitals.attach.LiveSession;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.ModelSink;
import dev.vitals.attach.SessionEnd;
import dev.vitals.attach.SettingsProfile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.jfr.JfrFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sustained live load: the demo workload at its busiest, streamed live into the model for a long
 * time. Prints, once a minute, the model's samples and the heap held (the model, the stream and its
 * connection) and, from the second minute, the heap's growth per sample since the first; at the end
 * compares the live model's event counts, type by type, with an import of the chunks the session
 * kept on disk (the same recording, read as a file): any difference is an event the live path lost.
 *
 * <pre>
 * mvn -B -q -pl demo,bench -am package -DskipTests
 * java -Xmx1g -cp bench/target/benchmarks.jar dev.vitals.bench.SustainedBench demo/target/vitals-demo.jar 10 4 default
 * </pre>
 * Arguments: demo jar, minutes, demo worker threads, settings profile ({@code default} or {@code detailed}).
 */
public final class SustainedBench {
    private SustainedBench() {
    }

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args[0]);
        int minutes = Integer.parseInt(args[1]);
        String threads = args[2];
        String profile = args[3];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", demo.toString(), "--threads", threads,
                "--spike-every", "1s").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (LocalJvms.describe(process.pid()).isEmpty()) {
                Thread.sleep(20);
            }
            long heapBefore = usedHeap();
            Path directory = Files.createTempDirectory("vitals-sustained");
            ModelSink model = ModelSink.newModel("sustained");
            try (Connection connection = Connection.attach(process.pid(), Duration.ofSeconds(60));
                 LiveSession session = LiveSession.start(connection, SettingsProfile.builtIn(profile), directory,
                         model)) {
                long heapAtMinute1 = 0;
                long samplesAtMinute1 = 0;
                for (int minute = 1; minute <= minutes; minute++) {
                    Thread.sleep(60_000);
                    ProfileSnapshot snapshot = model.profile().snapshot();
                    long heap = usedHeap() - heapBefore;
                    if (minute == 1) {
                        heapAtMinute1 = heap;
                        samplesAtMinute1 = snapshot.sampleCount();
                    }
                    // after the first minute the interning tables have seen most stacks: growth is per sample
                    String growth = minute == 1 ? "" : String.format(", %.1f bytes per sample since minute 1",
                            (double) (heap - heapAtMinute1) / Math.max(1, snapshot.sampleCount() - samplesAtMinute1));
                    System.out.printf("minute %2d: events %,d, samples %,d, heap held %,d KB%s%n", minute,
                            session.events(), snapshot.sampleCount(), heap / 1024, growth);
                }
                SessionEnd end = session.stop();
                System.out.println("session ended: " + end.message());
                Map<String, Long> live = snapshotCounts(model.profile().snapshot());
                Map<String, Long> file = snapshotCounts(JfrFiles.importFiles("chunks", session.chunkFiles(),
                        ImportProgress.NONE, () -> false).snapshot());
                compare(live, file);
            }
        } finally {
            process.destroy();
        }
    }

    private static Map<String, Long> snapshotCounts(ProfileSnapshot snapshot) {
        return new TreeMap<>(snapshot.info().eventCounts());
    }

    private static void compare(Map<String, Long> live, Map<String, Long> file) {
        long liveTotal = 0;
        long fileTotal = 0;
        int differing = 0;
        TreeSet<String> types = new TreeSet<>(live.keySet());
        types.addAll(file.keySet());
        for (String type : types) {
            long l = live.getOrDefault(type, 0L);
            long f = file.getOrDefault(type, 0L);
            if (type.equals("jdk.Checkpoint") || type.equals("jdk.Metadata")) {
                continue; // records of the file format, not events; the live stream never sees them
            }
            liveTotal += l;
            fileTotal += f;
            if (l != f) {
                differing++;
                System.out.printf("  %-40s live %,d, chunks on disk %,d%n", type, l, f);
            }
        }
        System.out.printf("events: live model %,d, chunks on disk %,d, %d types differ%n", liveTotal, fileTotal,
                differing);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
