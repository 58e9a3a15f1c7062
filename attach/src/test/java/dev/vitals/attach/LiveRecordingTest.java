package dev.vitals.attach;

import static dev.vitals.attach.LiveSessionTest.assertModelHoldsTheDemo;
import static dev.vitals.attach.LiveSessionTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.diagnostics.HeapHistogram;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.OpenedSession;
import dev.vitals.model.session.SessionDiagnostics;
import dev.vitals.model.session.SessionFile;
import dev.vitals.model.session.SessionManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live recording of the demo workload, the steps the window and {@code vitals record} share:
 * start (a folder with its manifest at once), the stats as data arrives, a save while it goes on,
 * a settings switch, and stop-and-pack (the folder gone, the file holding the demo).
 */
class LiveRecordingTest {
    @TempDir
    Path dir;

    @Test
    void recordsTheDemoSavesWhileRecordingAndPacksWhenStopped() throws Exception {
        try (TargetJvm target = TargetJvm.start(TargetJvm.JDK25, List.of(), "--spike-every", "1s")) {
            target.awaitDiscovered(Duration.ofSeconds(5));
            try (Connection connection = Connection.attach(target.pid(), TargetJvm.SLOW_MACHINE)) {
                Path folder = dir.resolve("20261204-demo");
                LiveRecording recording = LiveRecording.start(connection, SettingsProfile.defaults(), folder, "demo", "9.9.9");
                SessionManifest first = LiveSessionFolder.open(folder).manifest();
                assertThat(first.jvm()).containsEntry("pid", Long.toString(target.pid()));
                assertThat(first.startNanos()).as("nothing received yet").isZero();
                assertThat(recording.besideFolder()).isEqualTo(dir.resolve("20261204-demo.vitals"));

                await(Duration.ofSeconds(20), () -> recording.stats().overhead().flushes() >= 2
                        && recording.stats().dataBytes() > 0 && recording.profile().snapshot().info().endNanos() > 0);
                LiveRecording.Stats stats = recording.stats();
                assertThat(stats.transport()).isEqualTo(LiveSession.Transport.REPOSITORY);
                assertThat(stats.events()).isPositive();
                assertThat(stats.arrivalDelayNanos()).as("the newest event's age at a flush").isBetween(0L, 10_000_000_000L);
                assertThat(stats.overhead().jfrWriteShare()).isGreaterThan(0).isLessThan(0.05);
                assertThat(stats.overhead().samplingPeriod()).isEqualTo("20 ms");

                // Saved while recording: the span so far, the owner's annotations, the recording goes on.
                Bookmark mark = new Bookmark(1, 2, "warm-up");
                UnaryOperator<SessionManifest> annotate = m -> m.withAnnotations(List.of(mark), List.of(), "a note");
                Path middle = recording.save(dir.resolve("middle.vitals"), annotate, SessionDiagnostics.none());
                OpenedSession saved = SessionFile.open(middle);
                assertThat(saved.manifest().appVersion()).isEqualTo("9.9.9");
                assertThat(saved.manifest().jvm()).containsEntry("pid", Long.toString(target.pid()))
                        .containsEntry("address", connection.identity().address());
                assertThat(saved.manifest().settings()).isEqualTo(SettingsProfile.defaults().settings());
                assertThat(saved.manifest().bookmarks()).containsExactly(mark);
                assertThat(saved.manifest().notes()).isEqualTo("a note");
                assertThat(saved.manifest().startNanos()).isPositive().isLessThan(saved.manifest().endNanos());
                assertThat(recording.session().end()).isEmpty();
                long eventsAtSave = recording.stats().events();

                // Kept in the folder as they are taken: a session recovered after a crash still has them.
                Bookmark alert = new Bookmark(3, 4, "Slow requests: p99 300.0 ms", Bookmark.Origin.alertRule("Slow requests"));
                HeapHistogram histogram = new Diagnostics(connection).histogram(false);
                recording.keep(m -> m.withAnnotations(List.of(mark, alert), List.of(), "a note"),
                        new SessionDiagnostics(List.of(new SessionDiagnostics.Histogram(histogram, alert))));
                OpenedSession recovered = LiveSessionFolder.recover(folder, (done, total) -> { }, () -> false);
                assertThat(recovered.manifest().bookmarks()).containsExactly(mark, alert);
                assertThat(SessionDiagnostics.read(folder).histograms()).containsExactly(histogram);
                assertThat(SessionDiagnostics.read(folder).evidenceFor(alert)).hasSize(1);

                recording.switchTo(SettingsProfile.builtIn("detailed"));
                await(Duration.ofSeconds(20), () -> recording.stats().events() > eventsAtSave
                        && recording.stats().overhead().flushes() >= 1);
                assertThat(recording.stats().overhead().samplingPeriod()).as("estimated for the new settings")
                        .isEqualTo(SettingsProfile.builtIn("detailed").settings().get("jdk.ExecutionSample#period"));

                Path packed = dir.resolve("end.vitals");
                SessionEnd end = recording.stopAndPack(packed, UnaryOperator.identity(), SessionDiagnostics.none());
                assertThat(end.reason()).isEqualTo(SessionEnd.Reason.STOPPED);
                assertThat(folder).doesNotExist();
                recording.keep(UnaryOperator.identity(), SessionDiagnostics.none());
                assertThat(folder).as("not made again once packed").doesNotExist();
                OpenedSession whole = SessionFile.open(packed);
                assertThat(whole.manifest().settings()).containsEntry("jdk.ExecutionSample#period",
                        SettingsProfile.builtIn("detailed").settings().get("jdk.ExecutionSample#period"));
                assertThat(whole.manifest().endNanos()).isGreaterThan(saved.manifest().endNanos());
                assertModelHoldsTheDemo(whole.profile().snapshot());
            }
        }
    }
}
