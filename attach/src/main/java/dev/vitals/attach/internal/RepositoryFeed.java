package dev.vitals.attach.internal;

import dev.vitals.attach.LiveSession;
import dev.vitals.attach.SessionEnd.Reason;
import jdk.jfr.consumer.EventStream;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A feed for a JVM on this machine that reads the target's JFR repository from the file system:
 * {@link RepositoryCopier} copies each chunk into {@code recording/} as the target flushes it
 * (checking every {@value #COPY_PERIOD_MILLIS} ms), and a JFR stream reads that folder. The target
 * only records; it serves nothing over JMX, and an event reaches the session within the target's
 * flush (once a second) plus one copy period, where a download over JMX adds up to a second more.
 *
 * <p>The stream's thread waits for new data a second at a time; after each copy it is woken by an
 * interrupt, which is only ever sent while it is not inside the listener (the {@link #gate}).
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
    private final EventStream stream;
    private final Object gate = new Object();
    private final ScheduledExecutorService copying;
    private volatile boolean ending;
    private volatile Thread reader;

    private RepositoryFeed(String where, FlightRecorderMXBean recorder, long recordingId, RepositoryCopier copier,
                           EventStream stream) {
        this.where = where;
        this.recorder = recorder;
        this.recordingId = recordingId;
        this.copier = copier;
        this.stream = stream;
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
            EventStream stream = EventStream.openRepository(kept);
            stream.setStartTime(Instant.EPOCH);
            return Optional.of(new RepositoryFeed(where, recorder, id, copier, stream));
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
        stream.onEvent(event -> {
            synchronized (gate) {
                Thread.interrupted();
                listener.event(event);
            }
        });
        stream.onFlush(() -> {
            synchronized (gate) {
                Thread.interrupted();
                listener.flushed();
            }
        });
        reader = Thread.ofPlatform().daemon().name("vitals-live-" + where).start(() -> {
            String failure = "it ended unexpectedly";
            try {
                stream.start();
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
            if (!ending) {
                listener.ended(Reason.FAILED, "Reading JVM " + where + "'s JFR data failed: " + failure + ".");
            }
        });
        copying.scheduleWithFixedDelay(() -> {
            try {
                if (copier.copyNew()) {
                    wake();
                }
            } catch (IOException | RuntimeException e) {
                copying.shutdown();
                listener.ended(Reason.FAILED, "Copying JVM " + where + "'s JFR data failed: " + e.getMessage() + ".");
            }
        }, 0, COPY_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Makes the stream look for new data now, unless it is inside the listener. */
    private void wake() {
        synchronized (gate) {
            reader.interrupt();
        }
    }

    @Override
    public void keep() {
        // the copier keeps every flush as it finds it
    }

    @Override
    public Optional<String> end(boolean stopRecording, Duration limit) {
        ending = true;
        if (stopRecording) {
            Deadline.close(() -> recorder.stopRecording(recordingId), limit, "vitals-session-stop");
        }
        copying.shutdownNow();
        Optional<String> problem = Optional.empty();
        try {
            copying.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (copier.finish() && reader != null) {
                wake();
                reader.join(limit);
            }
        } catch (IOException e) {
            problem = Optional.of("Copying the last data failed: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stream.close();
        if (reader != null) {
            wake();
            try {
                reader.join(CLOSE_LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
