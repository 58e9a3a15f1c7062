package dev.vitals.model.session;

import dev.vitals.model.FrameType;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.Series;
import dev.vitals.model.export.CollapsedExport;
import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.Transform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionTest {
    @TempDir
    Path dir;

    private static SessionManifest manifest() {
        Selection selection = Selection.of(new EventSelector.OfType("jdk.ExecutionSample"))
                .withRange(1_000L, 2_000_000_000_000_000_000L).withThreads(Set.of(3, 5))
                .withFrameFilter("dev.vitals.demo.Work.sortLoop").withMeasure(Measure.COUNT)
                .withDurations(250_000_000L, 400_000_000L).withDuring("dev.vitals.demo.Request")
                .push(new Transform.Focus("dev.vitals.demo.DemoWorkload.workerLoop"))
                .push(new Transform.Merge("java.util.Arrays.sort"))
                .push(new Transform.DropFrameType(FrameType.INLINED))
                .push(new Transform.CollapseRecursion("java.util.DualPivotQuicksort.sort"));
        return new SessionManifest(SessionManifest.FORMAT_VERSION, "0.1.0",
                Map.of("pid", "4242", "mainClass", "dev.vitals.demo.DemoWorkload", "jdk", "25.0.3"),
                Map.of("jdk.ExecutionSample#period", "20 ms"), 10L, 20L,
                List.of(new Bookmark(15L, 15L, "spike \"here\""), new Bookmark(12L, 18L, "a span")),
                List.of(new AlertRule.CpuAbove("cpu high", true, 90, 10),
                        new AlertRule.HeapAfterGcAbove("heap", false, 85.5, AlertRule.HeapBase.COMMITTED),
                        new AlertRule.GcPauseAbove("gc", true, 200),
                        new AlertRule.LatencyAbove("slow", true, "dev.vitals.demo.Request", 200, 1.5),
                        new AlertRule.ThreadBlocked("blocked", true, 500)),
                "notes\nwith two lines", selection, List.of());
    }

    /** Everything a model shows, as text, to compare two models. */
    static String fingerprint(ProfileSnapshot s) {
        StringBuilder out = new StringBuilder();
        out.append(s.info().eventCounts()).append(s.info().chunkCount()).append(s.info().startNanos())
                .append(s.info().endNanos()).append(s.info().jvmVersion()).append('\n');
        out.append(CollapsedExport.collapse(s, Selection.cpu().withMeasure(Measure.COUNT), true)).append('\n');
        out.append(CollapsedExport.collapse(s, Selection.of(new EventSelector.OfType("jdk.ThreadPark")), true));
        for (int t = 0; t < s.threads().length(); t++) {
            out.append(s.threads().get(t));
        }
        for (int m = 0; m < s.methods().length(); m++) {
            out.append(s.methods().get(m));
        }
        out.append(s.frames().length()).append(' ').append(s.stacks().length()).append(' ')
                .append(s.intervals().length()).append('\n');
        for (Series series : s.series()) {
            out.append(series.name()).append(series.length());
        }
        return out.toString();
    }

    @Test
    void saveAndReopenRoundTripsModelAndState() throws Exception {
        Path vitals = dir.resolve("demo.vitals");
        SessionManifest written = SessionFile.save(vitals, manifest(), List.of(Recordings.path("demo-multichunk")));
        assertThat(written.chunks()).containsExactly("recording/chunk-0001.jfr", "recording/chunk-0002.jfr");
        OpenedSession opened = SessionFile.open(vitals);
        assertThat(opened.manifest()).isEqualTo(written);
        assertThat(opened.manifest().selection()).isEqualTo(manifest().selection());
        assertThat(opened.warnings()).isEmpty();
        assertThat(fingerprint(opened.profile().snapshot())).isEqualTo(fingerprint(Recordings.snapshot("demo-multichunk")));
    }

    @Test
    void aChunkStillBeingWrittenIsSavedAsOfItsLastFlush() throws Exception {
        // A live session saved while it records: its last chunk's header still says "in progress".
        byte[] live = Files.readAllBytes(Recordings.path("demo-jdk25-default"));
        live[64] = 1;
        Path recording = Files.write(dir.resolve("live.jfr"), live);
        Path vitals = dir.resolve("live.vitals");
        SessionFile.save(vitals, manifest(), List.of(recording));
        OpenedSession opened = SessionFile.open(vitals);
        assertThat(opened.warnings()).isEmpty();
        assertThat(fingerprint(opened.profile().snapshot())).isEqualTo(fingerprint(Recordings.snapshot("demo-jdk25-default")));
    }

    @Test
    void newerFormatVersionIsAClearError() throws Exception {
        Path vitals = dir.resolve("future.vitals");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(vitals))) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write("{\"formatVersion\": 7, \"appVersion\": \"9.0\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> SessionFile.open(vitals)).isInstanceOf(SessionException.class)
                .hasMessage(vitals + ": made by a newer Vitals (session format 7; this version reads up to 2)");
    }

    @Test
    void resavingReplacesTheManifestAndKeepsTheChunks() throws Exception {
        Path vitals = dir.resolve("demo.vitals");
        SessionFile.save(vitals, manifest(), List.of(Recordings.path("demo-multichunk")));
        List<Bookmark> bookmarks = List.of(new Bookmark(11L, 13L, "new"),
                new Bookmark(12L, 14L, "gc: 7.0 ms", Bookmark.Origin.alertRule("gc")),
                new Bookmark(15L, 15L, "Finding: Lock contention", Bookmark.Origin.finding("JavaBlocking")));
        SessionManifest annotated = manifest().withAnnotations(bookmarks,
                List.of(new AlertRule.GcPauseAbove("gc", false, 5)), "other notes");
        SessionFile.resave(vitals, vitals, annotated);
        OpenedSession opened = SessionFile.open(vitals);
        // who made each bookmark is kept: a rule's go with the rule after reopening, too
        assertThat(opened.manifest().bookmarks()).isEqualTo(bookmarks);
        assertThat(opened.manifest().alertRules()).containsExactly(new AlertRule.GcPauseAbove("gc", false, 5));
        assertThat(opened.manifest().notes()).isEqualTo("other notes");
        assertThat(opened.manifest().chunks()).containsExactly("recording/chunk-0001.jfr", "recording/chunk-0002.jfr");
        assertThat(fingerprint(opened.profile().snapshot())).isEqualTo(fingerprint(Recordings.snapshot("demo-multichunk")));
    }

    @Test
    void aFormatOneManifestStillReadsWithItsBookmarksAsPoints() {
        String v1 = "{\"formatVersion\": 1, \"appVersion\": \"0.1.0\", \"jvm\": {}, \"settings\": {}, "
                + "\"startNanos\": 10, \"endNanos\": 20, \"bookmarks\": [{\"timeNanos\": 15, \"label\": \"here\"}], "
                + "\"alertRules\": [], \"notes\": \"n\", \"selection\": null, \"chunks\": []}";
        SessionManifest read = dev.vitals.model.session.internal.ManifestJson.read(v1);
        assertThat(read.bookmarks()).containsExactly(new Bookmark(15L, 15L, "here"));
        String oldRules = v1.replace("\"alertRules\": []",
                "\"alertRules\": [{\"name\": \"x\", \"series\": \"s\", \"above\": true, \"threshold\": 1.0}]");
        assertThatThrownBy(() -> dev.vitals.model.session.internal.ManifestJson.read(oldRules))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format 1 alert rules");
    }

    @Test
    void rulesCheckTheirValuesWithReadableMessages() {
        assertThatThrownBy(() -> new AlertRule.CpuAbove("cpu", true, 120, 10)).hasMessage(
                "The CPU threshold must be above 0 and below 100 %.");
        assertThatThrownBy(() -> new AlertRule.LatencyAbove("p99", true, " ", 10, 1)).hasMessage(
                "Name the event type whose p99 is watched.");
        assertThatThrownBy(() -> new AlertRule.ThreadBlocked("", true, 10)).hasMessage("Give the rule a name.");
        assertThat(AlertRule.fromJson(AlertRule.toJson(AlertRule.defaults()))).isEqualTo(AlertRule.defaults());
        assertThatThrownBy(() -> new AlertActions(false, false, 61)).hasMessage("The snapshot must cover 1 to 60 minutes.");
    }

    @Test
    void aRulesActionsAreKeptAndTheDefaultsTakeADumpOnlyOnTheSpike() {
        AlertRule all = new AlertRule.GcPauseAbove("GC", true, 100).withActions(new AlertActions(true, true, 5));
        assertThat(AlertRule.fromJson(AlertRule.toJson(List.of(all)))).containsExactly(all);
        assertThat(all.withEnabled(false).actions()).isEqualTo(new AlertActions(true, true, 5));
        // rules written before rules had actions take none
        assertThat(AlertRule.fromJson("[{\"name\": \"GC\", \"enabled\": true, \"kind\": \"gcPause\", \"millis\": 100}]"))
                .containsExactly(new AlertRule.GcPauseAbove("GC", true, 100));
        assertThat(AlertRule.defaults()).filteredOn(r -> r.actions().any()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Slow requests");
            assertThat(r.actions()).isEqualTo(new AlertActions(true, false, 0));
        });
    }

    @Test
    void notAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("x.vitals"), "just text");
        assertThatThrownBy(() -> SessionFile.open(file)).isInstanceOf(SessionException.class)
                .hasMessage(file + ": not a Vitals session (not a zip archive)");
    }

    @Test
    void cutZipRecoversTheWholeChunks() throws Exception {
        Path vitals = dir.resolve("demo.vitals");
        SessionFile.save(vitals, manifest(), List.of(Recordings.path("demo-multichunk")));
        byte[] bytes = Files.readAllBytes(vitals);
        int second = indexOf(bytes, "recording/chunk-0002.jfr".getBytes(StandardCharsets.UTF_8));
        Path cut = Files.write(dir.resolve("cut.vitals"), Arrays.copyOf(bytes, second + 20_000));
        SessionException error = org.junit.jupiter.api.Assertions.assertThrows(SessionException.class,
                () -> SessionFile.open(cut));
        assertThat(error.getMessage()).startsWith(cut + ": damaged session file (").endsWith("); recovered 1 chunk");
        OpenedSession recovered = error.recovered().orElseThrow();
        assertThat(recovered.manifest().notes()).isEqualTo(manifest().notes());
        ProfileSnapshot snapshot = recovered.profile().snapshot();
        assertThat(snapshot.info().eventCounts()).isEqualTo(Recordings.snapshot("demo-jdk25-default").info().eventCounts());
        assertThat(recovered.warnings()).anyMatch(w -> w.contains("chunk-0002.jfr") && w.contains("truncated"));
    }

    @Test
    void liveFolderRecoversAfterACrashAndPacks() throws Exception {
        LiveSessionFolder folder = LiveSessionFolder.create(dir.resolve("live"), manifest());
        byte[] multi = Files.readAllBytes(Recordings.path("demo-multichunk"));
        int first = (int) ByteBuffer.wrap(multi).getLong(8);
        Files.write(folder.recordingDirectory().resolve("2026_11_25_14_00_00.jfr"), Arrays.copyOf(multi, first));
        // the chunk being written when the process died, and a manifest update that never finished
        Files.write(folder.recordingDirectory().resolve("2026_11_25_14_00_07.jfr"),
                Arrays.copyOfRange(multi, first, first + 40_000));
        Files.writeString(folder.directory().resolve("manifest.json.tmp"), "{\"formatVer");

        OpenedSession recovered = LiveSessionFolder.recover(folder.directory(), ImportProgress.NONE, () -> false);
        ProfileSnapshot snapshot = recovered.profile().snapshot();
        assertThat(recovered.manifest().bookmarks()).isEqualTo(manifest().bookmarks());
        assertThat(snapshot.info().eventCounts()).isEqualTo(Recordings.snapshot("demo-jdk25-default").info().eventCounts());
        assertThat(recovered.warnings()).singleElement().asString()
                .contains("2026_11_25_14_00_07.jfr: skipped chunk 1 at offset 0: truncated (40000 bytes of");

        Path packed = dir.resolve("packed.vitals");
        folder.pack(packed);
        OpenedSession reopened = SessionFile.open(packed);
        assertThat(reopened.warnings()).isEmpty();
        assertThat(fingerprint(reopened.profile().snapshot())).isEqualTo(fingerprint(snapshot));
        assertThat(reopened.manifest().selection()).isEqualTo(manifest().selection());

        // Found again by a later run: packed with the manifest it holds.
        Path later = dir.resolve("later.vitals");
        LiveSessionFolder.open(folder.directory()).pack(later);
        OpenedSession laterOpened = SessionFile.open(later);
        assertThat(fingerprint(laterOpened.profile().snapshot())).isEqualTo(fingerprint(snapshot));
        assertThat(laterOpened.manifest().bookmarks()).isEqualTo(manifest().bookmarks());
        Files.writeString(folder.directory().resolve("manifest.json"), "{\"formatVersion\": ");
        assertThatThrownBy(() -> LiveSessionFolder.open(folder.directory())).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("manifest.json: unreadable");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
