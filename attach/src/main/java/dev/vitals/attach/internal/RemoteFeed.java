package dev.vitals.attach.internal;

import dev.vitals.attach.LiveSession;
import dev.vitals.attach.SessionEnd.Reason;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;
import jdk.management.jfr.RemoteRecordingStream;

import javax.management.MBeanServerConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A feed over JMX ({@code RemoteRecordingStream}): the target serves its chunks, the stream downloads
 * them into {@code stream/}, and every {@value #POLL_PERIOD_MILLIS} ms (and at each flush the
 * stream has parsed) {@link ChunkKeeper} keeps them in {@code recording/}, where the session reads
 * them; the stream itself is given no event handler, so its parser only skips, and the session does
 * not wait for it. Works for any connection; the download polls once a second, which adds up to a
 * second to the target's flush.
 */
public final class RemoteFeed implements Feed {
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);
    private static final long POLL_PERIOD_MILLIS = 100;

    private final String where;
    private final Path directory;
    private final RemoteRecordingStream stream;
    private final ChunkKeeper keeper;
    private final long recordingId;
    private final ScheduledExecutorService polling;

    private RemoteFeed(String where, Path directory, RemoteRecordingStream stream, ChunkKeeper keeper, long recordingId) {
        this.where = where;
        this.directory = directory;
        this.stream = stream;
        this.keeper = keeper;
        this.polling = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("vitals-keep-" + where).unstarted(r));
        this.recordingId = recordingId;
    }

    /** Creates the stream's recording in the target with {@code settings}; blocks on JMX. */
    public static RemoteFeed open(String where, MBeanServerConnection mbeans, FlightRecorderMXBean recorder,
                                  Map<String, String> settings, Path directory) throws IOException {
        ChunkKeeper keeper = new ChunkKeeper(directory.resolve("stream"), directory.resolve("recording"));
        Set<Long> before = recorder.getRecordings().stream().map(RecordingInfo::getId).collect(Collectors.toSet());
        RemoteRecordingStream stream = new RemoteRecordingStream(mbeans, directory.resolve("stream"));
        try {
            long id = recorder.getRecordings().stream().map(RecordingInfo::getId).filter(i -> !before.contains(i))
                    .max(Long::compare).orElseThrow(() -> new IOException("the stream's recording did not appear"));
            stream.setSettings(settings);
            return new RemoteFeed(where, directory, stream, keeper, id);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    @Override
    public LiveSession.Transport transport() {
        return LiveSession.Transport.JMX;
    }

    @Override
    public long recordingId() {
        return recordingId;
    }

    @Override
    public void start(Listener listener) {
        // linked at once when the stream has parsed a flush, before it may delete a finished chunk
        stream.onFlush(() -> keep(listener));
        stream.onError(e -> listener.ended(Reason.FAILED, "The live stream from JVM " + where + " failed: "
                + e.getMessage() + "."));
        stream.onClose(() -> listener.ended(Reason.RECORDING_CLOSED, "The recording in JVM " + where + " was closed."));
        stream.startAsync();
        // read as soon as the download has written a flush, not after the stream's own parser waited for it
        polling.scheduleWithFixedDelay(() -> {
            if (keep(listener)) {
                listener.kept();
            }
        }, POLL_PERIOD_MILLIS, POLL_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Links the chunks not kept yet; false (and the feed ended) if that failed. */
    private boolean keep(Listener listener) {
        try {
            keeper.keepNew();
            return true;
        } catch (IOException e) {
            polling.shutdown();
            listener.ended(Reason.FAILED, "Keeping JVM " + where + "'s JFR data failed: " + e.getMessage() + ".");
            return false;
        }
    }

    @Override
    public Optional<String> end(boolean stopRecording, Duration limit) {
        polling.shutdownNow();
        if (stopRecording) {
            Thread stopper = Thread.ofPlatform().daemon().name("vitals-session-stop").start(() -> {
                try {
                    stream.stop();
                } catch (RuntimeException e) {
                    // the recording was already gone: what was downloaded is kept below
                }
            });
            try {
                stopper.join(limit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Optional<String> problem = Optional.empty();
        try {
            polling.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
            keeper.keepNew();
        } catch (IOException e) {
            problem = Optional.of("Keeping the last chunk failed: " + e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Deadline.close(stream, CLOSE_LIMIT, "vitals-stream-close");
        try {
            Files.deleteIfExists(directory.resolve("stream"));
        } catch (IOException e) {
            // the stream left files behind it could not delete: harmless, the session's data is in recording/
        }
        return problem;
    }
}
