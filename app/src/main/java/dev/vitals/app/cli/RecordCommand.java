package dev.vitals.app.cli;

import dev.vitals.app.Versions;
import dev.vitals.attach.Connection;
import dev.vitals.attach.LiveRecording;
import dev.vitals.attach.LiveSession;
import dev.vitals.attach.SessionEnd;
import dev.vitals.attach.SettingsProfile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import dev.vitals.model.query.HotMethod;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Selection;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.SessionDiagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vitals record (--pid PID | --jmx HOST:PORT …) --duration D -o OUT.vitals}: records a JVM
 * headless through the same live recording as the desktop ({@link LiveRecording}) and writes the
 * session. Ctrl+C ends the recording early and still writes what arrived.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record a running JVM live and save the session.",
                "Ctrl+C stops early; what arrived until then is saved."})
final class RecordCommand implements Callable<Integer> {
    /** How long the end of a recording may take to save when Ctrl+C stops it. */
    private static final long SAVE_ON_EXIT_SECONDS = 20;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    JvmTarget target;

    @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "30s", paramLabel = "D",
            description = "How long to record (default: ${DEFAULT-VALUE}; e.g. 500ms, 30s, 2m).")
    Duration duration;

    @Option(names = "--settings", defaultValue = "default", paramLabel = "SETTINGS",
            description = "default (low overhead), detailed, or a .jfc file (default: ${DEFAULT-VALUE}).")
    String settings;

    @Mixin
    ConnectTimeout connectTimeout;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.vitals", description = "The session file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        SettingsProfile profile = settingsProfile();
        PrintWriter out = spec.commandLine().getOut();
        try (Connection connection = target.connect(spec, connectTimeout.value)) {
            String source = connection.identity().address() + " (" + connection.identity().name() + ")";
            out.printf("Recording %s for %s with the %s settings%n", source, DurationConverter.format(duration),
                    profile.name());
            out.flush();
            Path directory = Files.createTempDirectory("vitals-record-");
            StopOnExit onExit = new StopOnExit();
            try {
                LiveRecording recording = LiveRecording.start(connection, profile, directory, source, Versions.vitals());
                onExit.watch(recording.session()).awaitEnd(duration);
                SessionEnd end = recording.stopAndPack(output, UnaryOperator.identity(), SessionDiagnostics.none());
                out.println(report(recording.profile().snapshot(), end));
                out.flush();
            } finally {
                if (Files.exists(directory)) {
                    LiveSessionFolder.delete(directory);
                }
                onExit.done();
            }
        }
        return 0;
    }

    /**
     * Ctrl+C (or any JVM shutdown) while recording: stops the session, so the recording ends early,
     * and holds the shutdown until the session is saved and the temporary folder removed.
     */
    private static final class StopOnExit {
        private final CountDownLatch finished = new CountDownLatch(1);
        private final AtomicBoolean exiting = new AtomicBoolean();
        private final AtomicReference<LiveSession> session = new AtomicReference<>();
        private final Thread hook = new Thread(this::exit, "vitals-record-exit");

        StopOnExit() {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /** The session to stop on exit; stopped at once if the shutdown has already begun. */
        LiveSession watch(LiveSession started) {
            session.set(started);
            if (exiting.get()) {
                started.stop();
            }
            return started;
        }

        private void exit() {
            exiting.set(true);
            LiveSession running = session.get();
            if (running != null) {
                running.stop();
            }
            try {
                finished.await(SAVE_ON_EXIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The command is done with the session: a waiting shutdown may go on; otherwise the hook is removed. */
        void done() {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
    }

    /** One line: where the session went, how much it holds, its hottest method, and an early end. */
    private String report(ProfileSnapshot snapshot, SessionEnd end) {
        StringBuilder line = new StringBuilder().append(output).append(": ").append(end.events()).append(" events over ")
                .append(String.format(Locale.ROOT, "%.1f s", snapshot.info().durationNanos() / 1e9));
        long cpu = snapshot.samples(SampleKind.CPU).stream().mapToLong(SampleTable::length).sum();
        List<HotMethod> hottest = HotMethods.of(snapshot, Selection.cpu(), 1);
        if (cpu > 0 && !hottest.isEmpty()) {
            line.append(String.format(Locale.ROOT, "; hottest method %s (%.0f %% of %d CPU samples)",
                    hottest.getFirst().method(), 100.0 * hottest.getFirst().self() / cpu, cpu));
        }
        if (end.reason() != SessionEnd.Reason.STOPPED) {
            line.append("; ended early: ").append(end.message());
        }
        return line.toString();
    }

    private SettingsProfile settingsProfile() throws IOException {
        try {
            return SettingsProfile.resolve(settings);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--settings " + settings + ": neither "
                    + String.join(" nor ", SettingsProfile.BUILT_IN) + " nor an existing .jfc file");
        } catch (ParseException e) {
            throw new IOException(settings + ": not a JFR settings (.jfc) file: " + e.getMessage(), e);
        }
    }
}
