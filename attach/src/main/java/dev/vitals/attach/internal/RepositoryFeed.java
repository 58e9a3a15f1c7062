package dev.vitals.attach.internal;

import dev.vitals.attach.LiveSession;
import dev.vitals.attach.SessionEnd.Reason;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A feed for a JVM on this machine that reads the target's JFR repository from the file system:
 * {@link RepositoryCopier} copies each chunk into {@code recording/} as the target flushes it
 * (checking every {@value #COPY_PERIOD_MILLIS} ms), and the session reads the copy right after, on
 * the same thread. The target only records; it serves nothing over JMX, and an event reaches the
 * session within the target's flush (once a second) plus one copy period, where a download over
 * JMX adds up to a second more.
 */
public final class RepositoryFeed implements Feed {
    private static final long COPY_PERIOD_MILLIS = 100;
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);
    /** Kept by the target only until copied: a long session does not fill the target's disk. */
    private static final String MAX_AGE = "600 s";

    private final String where;
    private final FlightRecorderMXBean recorder;
    private final long recordingId;
    private final RepositoryCopier copier;
    private final ScheduledExecutorService copying;

    private RepositoryFeed(String where, FlightRecorderMXBean recorder, long recordingId, RepositoryCopier copier) {
        this.where = where;
        this.recorder = recorder;
        this.recordingId = recordingId;
        this.copier = copier;
        this.copying = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("vitals-copy-" + where).unstarted(r));
    }

    /**
     * Starts a recording with {@code settings} in local JVM {@code pid}; empty (and no recording
     * left behind) if its repository cannot be read from here (another user, another mount namespace
     * without access). Blocks on JMX.
     */
    public static Optional<RepositoryFeed> open(String where, long pid, MBeanServerConnection mbeans,
                                                FlightRecorderMXBean recorder, Map<String, String> settings,
                                                Path directory) throws IOException {
        long id = recorder.newRecording();
        try {
            recorder.setRecordingOptions(id, Map.of("name", "Vitals live", "disk", "true", "maxAge", MAX_AGE));
            recorder.setRecordingSettings(id, settings);
            recorder.startRecording(id);
            long start = recorder.getRecordings().stream().filter(r -> r.getId() == id).findFirst()
                    .map(RecordingInfo::getStartTime).orElseThrow(() -> new IOException("the recording did not start"));
            RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(mbeans,
                    ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
            Optional<Path> repository = readable(pid, runtime.getSystemProperties().get("jdk.jfr.repository"));
            if (repository.isEmpty()) {
                recorder.closeRecording(id);
                return Optional.empty();
            }
            Path kept = directory.resolve("recording");
            RepositoryCopier copier = new RepositoryCopier(repository.get(), kept, start * 1_000_000);
            return Optional.of(new RepositoryFeed(where, recorder, id, copier));
        } catch (IOException | RuntimeException e) {
            try {
                recorder.closeRecording(id);
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The repository as this process sees it: through the target's root on Linux (containers), else as named. */
    private static Optional<Path> readable(long pid, String repository) {
        if (repository == null) {
            return Optional.empty();
        }
        Path named = Path.of(repository);
        Path throughRoot = Path.of("/proc", Long.toString(pid), "root").resolve(named.getRoot().relativize(named));
        return Stream.of(throughRoot, named)
                .filter(p -> Files.isDirectory(p) && Files.isReadable(p)).findFirst();
    }

    @Override
    public LiveSession.Transport transport() {
        return LiveSession.Transport.REPOSITORY;
    }

    @Override
    public long recordingId() {
        return recordingId;
    }

    @Override
    public void start(Listener listener) {
        copying.scheduleWithFixedDelay(() -> {
            try {
                if (copier.copyNew()) {
                    listener.kept();
                }
            } catch (IOException | RuntimeException e) {
                copying.shutdown();
                listener.ended(Reason.FAILED, "Copying JVM " + where + "'s JFR data failed: " + e.getMessage() + ".");
            }
        }, 0, COPY_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<String> end(boolean stopRecording, Duration limit) {
        if (stopRecording) {
            Deadline.close(() -> recorder.stopRecording(recordingId), limit, "vitals-session-stop");
        }
        copying.shutdownNow();
        Optional<String> problem = Optional.empty();
        try {
            copying.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
            copier.finish();
        } catch (IOException e) {
            problem = Optional.of("Copying the last data failed: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            copier.close();
        } catch (IOException e) {
            // only closing read-only files
        }
        Deadline.close(() -> recorder.closeRecording(recordingId), CLOSE_LIMIT, "vitals-recording-close");
        return problem;
    }
}
