package dev.vitals.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.export.CollapsedExport;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.model.session.SessionFile;
import dev.vitals.model.session.SessionManifest;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** {@code summary}, {@code export} and {@code render} on the committed recordings of the demo workload. */
class RecordingCommandsTest {
    static final List<String> ALL = TestRecordings.ALL;
    static final Path DEMO = TestRecordings.path("demo-jdk25-default");
    static final long SECOND = 1_000_000_000L;

    static ProfileSnapshot demo;

    @TempDir
    Path temp;

    @BeforeAll
    static void importDemo() throws Exception {
        demo = JfrFiles.importFile(DEMO).snapshot();
    }

    @ParameterizedTest
    @FieldSource("ALL")
    @SuppressWarnings("unchecked")
    void summaryJsonCountsEqualJfrSummary(String recording) {
        Cli cli = Cli.run("summary", "--json", TestRecordings.path(recording).toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Map<String, Object> json = TestJson.object(cli.out());
        assertThat((Map<String, Object>) json.get("events"))
                .isEqualTo(Map.<String, Object>copyOf(TestRecordings.goldenCounts(recording)));
        assertThat((Long) json.get("durationNanos")).isGreaterThan(SECOND);
        assertThat((List<Object>) json.get("threads")).isNotEmpty();
        assertThat((List<Object>) json.get("warnings")).isEmpty();
        List<Map<String, Object>> hot = (List<Map<String, Object>>) json.get("hotMethods");
        assertThat(hot).hasSizeBetween(1, 10);
        assertThat(hot).extracting(h -> h.get("method")).contains("dev.vitals.demo.Work.hashLoop");
        assertThat(hot).extracting(h -> (Long) h.get("self")).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(hot).allSatisfy(h -> assertThat((Long) h.get("total")).isGreaterThanOrEqualTo((Long) h.get("self")));
    }

    @Test
    void summaryTextSaysWhatTheRecordingHolds() {
        Cli cli = Cli.run("summary", TestRecordings.path("demo-multichunk").toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("demo-multichunk.jfr", "Chunks:   2", "dev.vitals.demo.Work.hashLoop",
                "jdk.ExecutionSample");
        assertThat(cli.out()).containsPattern("JDK: +.*25\\.0");
        assertThat(cli.out()).as("human durations").containsPattern("Duration: \\d+\\.\\d\\d s\n")
                .doesNotContain("PT");
        assertThat(cli.out()).containsPattern("Hot methods.*\n +Self +Total +Method\n");
        Map<String, Long> counts = TestRecordings.goldenCounts("demo-multichunk");
        List<String> unrecorded = counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey)
                .toList();
        assertThat(unrecorded).as("the recording declares types it has no events of").isNotEmpty();
        assertThat(cli.out()).contains("Type", "Count", unrecorded.size() + " types declared but not recorded");
        unrecorded.forEach(type -> assertThat(cli.out()).doesNotContain(type + " "));

        Cli all = Cli.run("summary", "--all", TestRecordings.path("demo-multichunk").toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        counts.keySet().forEach(type -> assertThat(all.out()).contains(type + " "));
    }

    @Test
    void collapsedExportIsTheModelsCollapse() throws IOException {
        Cli cli = Cli.run("export", DEMO.toString(), "--format", "collapsed");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(collapsed(cpuCounts())).contains("dev.vitals.demo.Work.hashLoop ");
    }

    @Test
    void fromAndToNarrowTheRange() throws IOException {
        long start = demo.info().startNanos();
        Cli cli = Cli.run("export", DEMO.toString(), "--format", "collapsed", "--from", "2s", "--to", "4.5s");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo(collapsed(cpuCounts().withRange(start + 2 * SECOND, start + 4_500_000_000L)));
        assertThat(total(cli.out())).isPositive().isLessThan(total(collapsed(cpuCounts())) / 2);
        Instant to = Instant.ofEpochSecond(0, start + 4_500_000_000L);
        Cli iso = Cli.run("export", DEMO.toString(), "--format", "collapsed", "--from", "2s", "--to", to.toString());
        assertThat(iso.exitCode()).as(iso.err()).isZero();
        assertThat(iso.out()).isEqualTo(cli.out());
    }

    @Test
    void threadAndEventChooseTheStacksAndLinesAreAdded() throws IOException {
        Cli cli = Cli.run("export", DEMO.toString(), "--format", "collapsed", "--thread", "^worker-", "--lines",
                "--event", "jdk.ExecutionSample", "-o", temp.resolve("workers.txt").toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEmpty();
        Selection workers = cpuCounts().withThreads(Selection.threadsMatching(demo, "^worker-"));
        StringBuilder expected = new StringBuilder();
        CollapsedExport.write(demo, workers, true, expected);
        assertThat(Files.readString(temp.resolve("workers.txt"))).isEqualTo(expected.toString())
                .containsPattern("dev\\.vitals\\.demo\\.Work\\.hashLoop:\\d+ \\d+");
        assertThat(total(expected.toString())).isLessThan(total(collapsed(cpuCounts())));
    }

    @Test
    @SuppressWarnings("unchecked")
    void speedscopeIsAProfileSpeedscopeReads() {
        Cli cli = Cli.run("export", DEMO.toString(), "--format", "speedscope");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Map<String, Object> doc = TestJson.object(cli.out());
        assertThat(doc.get("$schema")).isEqualTo("https://www.speedscope.app/file-format-schema.json");
        List<Map<String, Object>> frames = (List<Map<String, Object>>) ((Map<String, Object>) doc.get("shared")).get("frames");
        assertThat(frames).extracting(f -> f.get("name")).contains("dev.vitals.demo.Work.hashLoop");
        long weight = ((List<Map<String, Object>>) doc.get("profiles")).stream()
                .flatMap(p -> ((List<Object>) p.get("weights")).stream()).mapToLong(w -> (Long) w).sum();
        assertThat(weight).isEqualTo(demo.samples("jdk.ExecutionSample").length());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonExportOfAllocationsAddsUpBytes() {
        Path profile = TestRecordings.path("demo-jdk25-profile");
        Cli cli = Cli.run("export", profile.toString(), "--format", "JSON", "--event", "jdk.ObjectAllocationSample");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Map<String, Object> doc = TestJson.object(cli.out());
        assertThat(doc.get("events")).isEqualTo("jdk.ObjectAllocationSample");
        assertThat(doc.get("measure")).isEqualTo("WEIGHT");
        List<Map<String, Object>> stacks = (List<Map<String, Object>>) doc.get("stacks");
        assertThat(stacks.stream().mapToLong(s -> (Long) s.get("value")).sum()).isEqualTo(doc.get("total"));
        assertThat(stacks).anySatisfy(s -> assertThat((List<Object>) s.get("frames")).contains("dev.vitals.demo.Work.allocate"));
    }

    @Test
    void badTimesAndRegexesAreUsageErrors() {
        Cli soon = Cli.run("export", DEMO.toString(), "--format", "collapsed", "--from", "soon");
        assertThat(soon.exitCode()).isEqualTo(2);
        assertThat(soon.err()).contains("not a time: 'soon'");
        Cli backwards = Cli.run("export", DEMO.toString(), "--format", "collapsed", "--from", "5s", "--to", "2s");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("the range is empty: --from 5s is not before --to 2s");
        Cli regex = Cli.run("render", DEMO.toString(), "--view", "flame", "--thread", "worker-(", "-o", "x.png");
        assertThat(regex.exitCode()).isEqualTo(2);
        assertThat(regex.err()).contains("'worker-(' is not a regular expression");
        Cli format = Cli.run("export", DEMO.toString(), "--format", "svg");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("Invalid value for option '--format'");
    }

    @Test
    void aMissingOrForeignFileIsOneLineNamingIt() throws IOException {
        Path missing = temp.resolve("missing.jfr");
        Cli none = Cli.run("summary", missing.toString());
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("vitals: no such file: " + missing + System.lineSeparator());

        Path text = Files.writeString(temp.resolve("notes.jfr"), "just some notes\n");
        Cli foreign = Cli.run("export", text.toString(), "--format", "collapsed");
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err().lines()).singleElement().asString()
                .startsWith("vitals: " + text + ": not a JFR recording").doesNotContain("Exception");

        Cli debug = Cli.run("--debug", "export", text.toString(), "--format", "collapsed");
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).startsWith("vitals: " + text + ": not a JFR recording")
                .contains("JfrImportException", "\tat ");
    }

    @Test
    void sessionsOpenLikeTheirRecordingAndDamagedOnesRecoverWholeChunks() throws IOException {
        Path multichunk = TestRecordings.path("demo-multichunk");
        Path session = temp.resolve("demo.vitals");
        SessionFile.save(session, SessionManifest.empty("test"), List.of(multichunk));
        Cli fromSession = Cli.run("export", session.toString(), "--format", "collapsed");
        Cli fromRecording = Cli.run("export", multichunk.toString(), "--format", "collapsed");
        assertThat(fromSession.exitCode()).as(fromSession.err()).isZero();
        assertThat(fromSession.out()).isNotEmpty().isEqualTo(fromRecording.out());
        assertThat(fromSession.err()).isEmpty();

        byte[] whole = Files.readAllBytes(session);
        Path cut = Files.write(temp.resolve("cut.vitals"), java.util.Arrays.copyOf(whole, whole.length * 3 / 4));
        Cli recovered = Cli.run("summary", "--json", cut.toString());
        assertThat(recovered.exitCode()).as(recovered.err()).isZero();
        assertThat(TestJson.object(recovered.out()).get("warnings").toString())
                .contains(cut + ": damaged session file", "recovered 2 chunks",
                        "chunk-0002.jfr: chunk 1 at offset 0: truncated (", "; kept its records up to offset ");

        Path text = Files.writeString(temp.resolve("notes.vitals"), "not a zip\n");
        Cli foreign = Cli.run("render", text.toString(), "--view", "flame", "-o", temp.resolve("x.png").toString());
        assertThat(foreign.exitCode()).isEqualTo(1);
        assertThat(foreign.err().lines()).singleElement().asString().startsWith("vitals: " + text + ": not a Vitals session");
    }

    @Test
    @SuppressWarnings("unchecked")
    void gzipAndZipRecordingsOpenByTheirFirstBytesWhateverTheirName() throws IOException {
        Path multichunk = TestRecordings.path("demo-multichunk");
        Path gzip = temp.resolve("gzipped.jfr");
        try (var out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(multichunk, out);
        }
        Path zip = temp.resolve("recordings.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("README.txt"));
            out.write("not a recording".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("run/demo.jfr"));
            Files.copy(multichunk, out);
        }
        String plain = Cli.run("export", multichunk.toString(), "--format", "collapsed").out();
        for (Path compressed : List.of(gzip, zip)) {
            Cli cli = Cli.run("export", compressed.toString(), "--format", "collapsed");
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out()).isNotEmpty().isEqualTo(plain);
            Cli summary = Cli.run("summary", "--json", compressed.toString());
            assertThat((Map<String, Object>) TestJson.object(summary.out()).get("events"))
                    .isEqualTo(Map.<String, Object>copyOf(TestRecordings.goldenCounts("demo-multichunk")));
        }
    }

    @Test
    void anEventTypeTheRecordingLacksIsNamed() {
        Cli cli = Cli.run("export", DEMO.toString(), "--format", "collapsed", "--event", "jdk.NoSuchEvent");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().strip()).startsWith("vitals: " + DEMO + " has no jdk.NoSuchEvent events (samples it has: ")
                .contains("jdk.ExecutionSample");
    }

    @Test
    void rendersFlameAndIcicleGraphsOfTheRequestedSize() throws IOException {
        Path flame = temp.resolve("flame.png");
        Cli cli = Cli.run("render", DEMO.toString(), "--view", "flame", "--search", "hashLoop", "-o", flame.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(pngSize(flame)).containsExactly(1600, 900);
        assertThat(cli.out()).startsWith(flame + ": flame graph of jdk.ExecutionSample (total ")
                .endsWith("), 1600 x 900" + System.lineSeparator());

        Path icicle = temp.resolve("icicle.png");
        cli = Cli.run("render", DEMO.toString(), "--view", "icicle", "--thread", "worker", "--from", "1s",
                "--width", "800", "--height", "450", "-o", icicle.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(pngSize(icicle)).containsExactly(800, 450);

        Cli tiny = Cli.run("render", DEMO.toString(), "--view", "flame", "--width", "20", "-o", icicle.toString());
        assertThat(tiny.exitCode()).isEqualTo(2);
        assertThat(tiny.err()).contains("at least 200 x 100 pixels, not 20 x 900");
    }

    @Test
    void rendersTheTimeBasedViews() throws IOException {
        for (String view : List.of("timeline", "heatmap", "latency", "charts")) {
            Path png = temp.resolve(view + ".png");
            Cli cli = Cli.run("render", DEMO.toString(), "--view", view, "--from", "1s", "--to", "6s",
                    "--width", "800", "--height", "450", "-o", png.toString());
            assertThat(cli.exitCode()).as(view + ": " + cli.err()).isZero();
            assertThat(pngSize(png)).as(view).containsExactly(800, 450);
            if (view.equals("latency")) {
                assertThat(cli.out()).as("the application's own interval events, not jdk.ThreadPark")
                        .contains("latency heatmap of dev.vitals.demo.Request");
            }
        }
        Cli search = Cli.run("render", DEMO.toString(), "--view", "timeline", "--search", "x", "-o", "x.png");
        assertThat(search.exitCode()).isEqualTo(2);
        assertThat(search.err()).contains("--search applies to the flame and icicle views only");
        Cli noParks = Cli.run("render", TestRecordings.path("demo-asprof").toString(), "--view", "latency",
                "--event", "jdk.ThreadPark", "-o", "x.png");
        assertThat(noParks.exitCode()).isEqualTo(1);
        assertThat(noParks.err()).contains("has no jdk.ThreadPark events");
    }

    private static Selection cpuCounts() {
        return Selection.of(new EventSelector.OfType("jdk.ExecutionSample")).withMeasure(Measure.COUNT);
    }

    private static String collapsed(Selection selection) throws IOException {
        StringBuilder out = new StringBuilder();
        CollapsedExport.write(demo, selection, false, out);
        return out.toString();
    }

    private static long total(String collapsed) {
        return collapsed.lines().mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** Width and height from the PNG's IHDR chunk, after checking the signature. */
    private static int[] pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readLong()).isEqualTo(0x89504E470D0A1A0AL);
            data.readInt();
            assertThat(data.readInt()).isEqualTo(0x49484452);
            return new int[] {data.readInt(), data.readInt()};
        }
    }
}
