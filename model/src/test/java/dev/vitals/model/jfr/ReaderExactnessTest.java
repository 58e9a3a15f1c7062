package dev.vitals.model.jfr;

import dev.vitals.model.EventTypeInfo;
import dev.vitals.model.FrameType;
import dev.vitals.model.IntervalTable;
import dev.vitals.model.JfrPrint;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.SampleTable;
import dev.vitals.model.StackTable;
import dev.vitals.model.ThreadInfo;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reader against the JDK 25 parser, on every committed recording and every file of the shared
 * corpus the JDK reads: per chunk (each chunk in a file of its own, as the JDK mixes up constant
 * pools across chunks of different JVMs), every sample and interval event the model keeps equals
 * what the JDK's {@code RecordingFile} (the parser under {@code jfr print}) gives for that chunk:
 * time, duration, thread, every frame's method, line and type, the truncated flag, the weight and
 * the kept scalar fields (times in ticks as nanos). The whole file's counts equal {@code jfr summary}'s.
 * (Printing these files as JSON takes up to 290 MB of text, too much to parse in a test's heap;
 * the same parser in process compares exactly, without the printed formatting.)
 */
class ReaderExactnessTest {
    static final String OBJECT_TEXT = "(composite)";
    static final Set<String> COLUMNS = Set.of("startTime", "duration", "eventThread", "stackTrace");
    static final Path CORPUS = Path.of("../../shared/corpus");
    static final List<String> FILES = Stream.concat(
            Recordings.ALL.stream().map(n -> Recordings.path(n).toString()),
            Stream.of("pid1.jfr", "metadata_new.jfr", "io_test.jfr.gz", "wls-medrec-jdk9.jfr", "jdk21.jfr",
                    "openjdk8u292.jfr", "hotmethods.jfr").map(n -> CORPUS.resolve(n).toString())).toList();

    @TempDir
    Path dir;

    private Path plain(String name) throws IOException {
        Path file = Path.of(name);
        assumeTrue(Files.exists(file), "the shared corpus is absent (" + file.toAbsolutePath().normalize()
                + "): skipped");
        if (!name.endsWith(".gz")) {
            return file;
        }
        Path out = dir.resolve(file.getFileName().toString().replace(".gz", ""));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Files.copy(in, out);
        }
        return out;
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void countsEqualJfrSummary(String name) throws Exception {
        Path plain = plain(name);
        ProfileSnapshot snapshot = JfrFiles.importFile(Path.of(name)).snapshot();
        Map<String, Long> expected = Recordings.summaryCounts(Recordings.runJfr("summary", plain.toString()).lines().toList());
        assertThat(snapshot.info().eventCounts()).isEqualTo(expected);
        assertThat(snapshot.info().warnings()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void eventsOfEachChunkEqualTheJdksParser(String name) throws Exception {
        Path plain = plain(name);
        for (Path chunk : JfrPrint.chunks(plain)) {
            ProfileSnapshot snapshot = JfrFiles.importFile(chunk).snapshot();
            Set<String> sampleTypes = new HashSet<>();
            for (SampleTable table : snapshot.samples()) {
                sampleTypes.add(table.eventType());
            }
            IntervalTable intervals = snapshot.intervals();
            Set<String> intervalTypes = new HashSet<>();
            for (int i = 0; i < intervals.length(); i++) {
                intervalTypes.add(intervals.type(intervals.typeIndex(i)).name());
            }
            List<String> actualSamples = new ArrayList<>();
            for (SampleTable table : snapshot.samples()) {
                for (int i = 0; i < table.length(); i++) {
                    actualSamples.add(table.eventType() + " " + table.time(i) + " " + thread(snapshot, table.thread(i))
                            + " w" + table.weight(i) + " " + stack(snapshot, table.stack(i)));
                }
            }
            List<String> expectedSamples = new ArrayList<>();
            List<String> expectedIntervals = new ArrayList<>();
            Map<String, Set<String>> composite = new HashMap<>();
            try (RecordingFile recording = new RecordingFile(chunk)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    String type = event.getEventType().getName();
                    long start = nanos(event.getStartTime());
                    if (sampleTypes.contains(type)) {
                        RecordedThread thread = event.hasField("sampledThread") ? event.getValue("sampledThread")
                                : event.getThread();
                        expectedSamples.add(type + " " + start + " " + jdkThread(thread) + " w" + weight(event) + " "
                                + jdkStack(event.getStackTrace()));
                    } else if (intervalTypes.contains(type)) {
                        StringBuilder fields = new StringBuilder();
                        for (ValueDescriptor field : event.getFields()) {
                            String value = jdkCanonical(event, field);
                            if (OBJECT_TEXT.equals(value)) {
                                composite.computeIfAbsent(type, t -> new HashSet<>()).add(field.getName());
                            } else if (!COLUMNS.contains(field.getName())) {
                                fields.append(' ').append(field.getName()).append('=').append(value);
                            }
                        }
                        expectedIntervals.add(type + " " + start + " " + event.getDuration().toNanos() + " "
                                + jdkThread(event.hasField("eventThread") ? event.getThread() : null) + " "
                                + jdkStack(event.getStackTrace()) + fields);
                    }
                }
            } catch (ClassCastException | NullPointerException e) {
                assumeTrue(false, "the JDK's parser cannot read the events of " + name + " (" + e.getMessage()
                        + "), so there is nothing to compare them with");
            }
            List<String> actualIntervals = new ArrayList<>();
            for (int i = 0; i < intervals.length(); i++) {
                EventTypeInfo type = intervals.type(intervals.typeIndex(i));
                StringBuilder fields = new StringBuilder();
                for (String field : type.fieldNames()) {
                    if (!composite.getOrDefault(type.name(), Set.of()).contains(field)) {
                        fields.append(' ').append(field).append('=').append(canonical(intervals.field(i, field)));
                    }
                }
                actualIntervals.add(type.name() + " " + intervals.start(i) + " " + intervals.duration(i) + " "
                        + thread(snapshot, intervals.thread(i)) + " " + stack(snapshot, intervals.stack(i)) + fields);
            }
            assertSameEvents(actualSamples, expectedSamples, "samples of " + chunk);
            assertSameEvents(actualIntervals, expectedIntervals, "intervals of " + chunk);
        }
    }

    /** Equal as multisets; on failure the first few differences each way, not the whole lists. */
    private static void assertSameEvents(List<String> actual, List<String> expected, String what) {
        Map<String, Integer> balance = new HashMap<>();
        actual.forEach(a -> balance.merge(a, 1, Integer::sum));
        expected.forEach(e -> balance.merge(e, -1, Integer::sum));
        List<String> unexpected = balance.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted().limit(5).toList();
        List<String> missing = balance.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey)
                .sorted().limit(5).toList();
        assertThat(unexpected).as("%s: read but not given by the JDK (%d read, %d printed); missing: %s", what,
                actual.size(), expected.size(), missing).isEmpty();
        assertThat(missing).as("%s: given by the JDK but not read", what).isEmpty();
    }

    /** A kept scalar field value as text to compare: integers, floats (as floats), booleans, strings, null. */
    private static String canonical(Object value) {
        return switch (value) {
            case null -> "null";
            case Long l -> "L" + l;
            case Integer i -> "L" + i;
            case Short i -> "L" + i;
            case Byte i -> "L" + i;
            case Double d -> "F" + d.floatValue();
            case Float f -> "F" + f;
            case Boolean b -> "B" + b;
            case Character c -> "S" + c;
            default -> "S" + value;
        };
    }

    /** A field of the JDK's event as {@link #canonical}: times in ticks as nanos, composite values left out. */
    private static String jdkCanonical(RecordedEvent event, ValueDescriptor field) {
        String name = field.getName();
        Timespan span = field.getAnnotation(Timespan.class);
        Timestamp stamp = field.getAnnotation(Timestamp.class);
        if (field.isArray() || !field.getFields().isEmpty() || event.getValue(name) instanceof RecordedObject) {
            return OBJECT_TEXT;
        }
        if (span != null && span.value().equals(Timespan.TICKS) && event.getValue(name) instanceof Long) {
            return "L" + event.getDuration(name).toNanos();
        }
        if (stamp != null && stamp.value().equals(Timestamp.TICKS) && event.getValue(name) instanceof Long) {
            return "L" + nanos(event.getInstant(name));
        }
        return canonical(event.getValue(name));
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static long weight(RecordedEvent event) {
        return switch (event.getEventType().getName()) {
            case "jdk.ObjectAllocationSample" -> event.getLong("weight");
            case "jdk.ObjectAllocationInNewTLAB" -> event.getLong("tlabSize");
            case "jdk.ObjectAllocationOutsideTLAB" -> event.getLong("allocationSize");
            case "profiler.WallClockSample" -> event.getLong("samples");
            default -> 1L;
        };
    }

    private static String thread(ProfileSnapshot snapshot, int threadIndex) {
        if (threadIndex < 0) {
            return "no-thread";
        }
        ThreadInfo t = snapshot.threads().get(threadIndex);
        return "[" + t.name() + "/" + t.javaId() + "/" + t.osId() + "]";
    }

    private static String jdkThread(RecordedThread t) {
        if (t == null) {
            return "no-thread";
        }
        String name = t.getJavaName();
        if (name == null || name.isEmpty()) {
            name = t.getOSName();
        }
        long javaId = t.getJavaThreadId();
        long osId = t.getOSThreadId();
        if (name == null || name.isEmpty()) {
            name = "thread-" + (javaId > 0 ? javaId : osId);
        }
        return "[" + name + "/" + Math.max(javaId, 0) + "/" + osId + "]";
    }

    private static String stack(ProfileSnapshot snapshot, int stackIndex) {
        if (stackIndex < 0) {
            return "no-stack";
        }
        StackTable stacks = snapshot.stacks();
        int[] frames = new int[stacks.depth(stackIndex)];
        int n = stacks.framesRootFirst(stackIndex, frames);
        StringBuilder out = new StringBuilder(stacks.truncated(stackIndex) ? "truncated" : "complete");
        for (int i = 0; i < n; i++) {
            int frame = frames[i];
            out.append(';').append(snapshot.methods().frameName(snapshot.frames().method(frame))).append(':')
                    .append(snapshot.frames().line(frame)).append(':').append(snapshot.frames().type(frame));
        }
        return out.toString();
    }

    private static String jdkStack(RecordedStackTrace trace) {
        // a trace without frames is no stack to the model
        if (trace == null || trace.getFrames().isEmpty() && !trace.isTruncated()) {
            return "no-stack";
        }
        List<RecordedFrame> frames = trace.getFrames();
        StringBuilder out = new StringBuilder(trace.isTruncated() ? "truncated" : "complete");
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame frame = frames.get(i);
            RecordedMethod method = frame.getMethod();
            String name;
            if (method == null) {
                name = "<unknown method>";
            } else {
                String className = method.getType() == null || method.getType().getName() == null ? ""
                        : method.getType().getName();
                String methodName = method.getName() == null ? "<unknown method>" : method.getName();
                name = className.isEmpty() ? methodName : className + "." + methodName;
            }
            out.append(';').append(name).append(':').append(frame.getLineNumber()).append(':')
                    .append(FrameType.fromJfr(frame.getType()));
        }
        return out.toString();
    }
}
