package dev.vitals.attach;

import dev.vitals.attach.ConnectionException.Kind;
import dev.vitals.attach.SessionEnd.Reason;
import dev.vitals.attach.internal.ChunkKeeper;
import dev.vitals.attach.internal.Deadline;
import dev.vitals.attach.internal.Failures;
import jdk.jfr.consumer.RecordedEvent;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;
import jdk.management.jfr.RemoteRecordingStream;

import javax.management.JMX;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A live JFR stream from one connected JVM ({@code RemoteRecordingStream}) into an {@link EventSink}.
 *
 * <p>The session folder holds {@code stream/}, the stream's own download directory, and
 * {@code recording/}, where every downloaded chunk is kept (hard-linked as it is written, see
 * {@link ChunkKeeper}): the raw data is on disk as it arrives and stays there whatever happens to
 * the target or to Vitals. Once the session has ended, {@code recording/*.jfr} are plain, finished
 * JFR files (a chunk the target never finished is cut at its last flush).
 *
 * <p>The session ends exactly once, with a {@link SessionEnd}: when {@link #stop()} is called, when
 * the target exits, when the connection is lost, when someone closes the recording in the target,
 * or when the stream or the sink fails. The connection is not closed by the session; stop the
 * session before closing it. When the session has ended, only {@code recording/} remains.
 */
public final class LiveSession implements AutoCloseable {
    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);
    private static final Duration RECORDING_CHECK = Duration.ofSeconds(2);

    private final Connection connection;
    private final Path directory;
    private final ChunkKeeper keeper;
    private final EventSink sink;
    private final RemoteRecordingStream stream;
    private final FlightRecorderMXBean recorder;
    private final long recordingId;
    private final AtomicLong events = new AtomicLong();
    private final AtomicBoolean ending = new AtomicBoolean();
    private final CompletableFuture<SessionEnd> end = new CompletableFuture<>();
    /** Serialises the sink's calls: the stream's thread, and the final flush from whoever ends the session. */
    private final Object sinkLock = new Object();
    private boolean sinkOpen = true;
    private final ScheduledExecutorService recordingCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vitals-recording-check");
        t.setDaemon(true);
        return t;
    });
    private Map<String, String> settings;

    private LiveSession(Connection connection, Path directory, ChunkKeeper keeper, EventSink sink,
                        RemoteRecordingStream stream, FlightRecorderMXBean recorder, long recordingId,
                        Map<String, String> settings) {
        this.connection = connection;
        this.directory = directory;
        this.keeper = keeper;
        this.sink = sink;
        this.stream = stream;
        this.recorder = recorder;
        this.recordingId = recordingId;
        this.settings = settings;
    }

    /**
     * Starts streaming with the profile's settings into {@code directory} (created if needed).
     *
     * @throws IOException         if the session folder cannot be used
     * @throws ConnectionException if the JVM cannot stream (JDK older than 14) or the recording cannot start
     */
    public static LiveSession start(Connection connection, SettingsProfile profile, Path directory, EventSink sink)
            throws IOException, ConnectionException {
        if (!connection.capabilities().streaming()) {
            throw new ConnectionException(Kind.UNSUPPORTED, "JVM " + connection.identity().address() + " runs JDK "
                    + connection.identity().jdkVersion() + ", which cannot stream JFR over JMX (needs 14+); record and dump it instead.");
        }
        ChunkKeeper keeper = new ChunkKeeper(directory.resolve("stream"), directory.resolve("recording"));
        FlightRecorderMXBean recorder = JMX.newMXBeanProxy(connection.mbeans(),
                Connection.objectName(Connection.FLIGHT_RECORDER), FlightRecorderMXBean.class);
        String where = connection.identity().address();
        long[] id = new long[1];
        RemoteRecordingStream stream = Deadline.within(connection.timeout(), "vitals-stream-" + where, () -> {
            Set<Long> before = recorder.getRecordings().stream().map(RecordingInfo::getId).collect(Collectors.toSet());
            RemoteRecordingStream created = new RemoteRecordingStream(connection.mbeans(), directory.resolve("stream"));
            id[0] = recorder.getRecordings().stream().map(RecordingInfo::getId).filter(i -> !before.contains(i))
                    .max(Long::compare).orElseThrow(() -> new IOException("the stream's recording did not appear"));
            created.setSettings(profile.settings());
            return created;
        }, failure -> new ConnectionException(Kind.FAILED, "Could not start a JFR stream in JVM " + where + ": "
                + Failures.rootMessage(failure) + ".", failure), new ConnectionException(Kind.TIMEOUT,
                "JVM " + where + " did not answer within " + connection.timeout().toSeconds() + " s when starting the stream."));
        LiveSession session = new LiveSession(connection, directory, keeper, sink, stream, recorder, id[0],
                new LinkedHashMap<>(profile.settings()));
        session.begin();
        return session;
    }

    /**
     * Streams for {@code duration} (or until the session ends by itself) and stops: a headless
     * recording through the same live path.
     */
    public static SessionEnd record(Connection connection, SettingsProfile profile, Duration duration, Path directory,
                                    EventSink sink) throws IOException, ConnectionException, InterruptedException {
        LiveSession session = start(connection, profile, directory, sink);
        try {
            Optional<SessionEnd> early = session.awaitEnd(duration);
            return early.isPresent() ? early.get() : session.stop();
        } catch (InterruptedException e) {
            session.stop();
            throw e;
        }
    }

    private void begin() {
        String where = connection.identity().address();
        stream.onEvent(this::deliver);
        stream.onFlush(this::flushed);
        stream.onError(e -> finishLater(Reason.FAILED, "The live stream from JVM " + where + " failed: " + e.getMessage() + "."));
        stream.onClose(() -> finishLater(Reason.RECORDING_CLOSED, "The recording in JVM " + where + " was closed."));
        connection.onLost(message -> finishLater(connection.localPid().isPresent()
                && !ProcessHandle.of(connection.localPid().getAsLong()).map(ProcessHandle::isAlive).orElse(false)
                ? Reason.TARGET_EXITED : Reason.CONNECTION_LOST, message));
        stream.startAsync();
        recordingCheck.scheduleWithFixedDelay(this::checkRecording, RECORDING_CHECK.toMillis(),
                RECORDING_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The stream does not notice its recording being stopped or closed in the target (its download
     * thread just ends), so the session looks. A failing call is left to the connection's monitor.
     */
    private void checkRecording() {
        try {
            Optional<String> state = recorder.getRecordings().stream().filter(r -> r.getId() == recordingId)
                    .map(RecordingInfo::getState).findFirst();
            String where = connection.identity().address();
            if (state.isEmpty() || state.get().equals("CLOSED")) {
                finishLater(Reason.RECORDING_CLOSED, "The recording in JVM " + where + " was closed by someone else.");
            } else if (state.get().equals("STOPPED")) {
                finishLater(Reason.RECORDING_CLOSED, "The recording in JVM " + where + " was stopped by someone else.");
            }
        } catch (RuntimeException e) {
            // an unreachable JVM: the connection's liveness monitor reports it
        }
    }

    private void deliver(RecordedEvent event) {
        synchronized (sinkLock) {
            if (!sinkOpen) {
                return;
            }
            events.incrementAndGet();
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                finishLater(Reason.FAILED, "The event sink failed on " + event.getEventType().getName() + ": " + e + ".");
            }
        }
    }

    private void flushed() {
        synchronized (sinkLock) {
            if (!sinkOpen) {
                return;
            }
            try {
                keeper.keepNew();
                sink.flushed();
            } catch (IOException | RuntimeException e) {
                finishLater(Reason.FAILED, "Keeping or delivering the stream's data failed: " + e.getMessage() + ".");
            }
        }
    }

    /** The session folder. */
    public Path directory() {
        return directory;
    }

    /** The kept chunk files, oldest first; each a JFR file. */
    public List<Path> chunkFiles() throws IOException {
        return keeper.chunks();
    }

    public Connection connection() {
        return connection;
    }

    /** Events delivered to the sink so far. */
    public long events() {
        return events.get();
    }

    /** The settings in force. */
    public synchronized Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    /**
     * Adds or replaces settings while the stream runs, without losing data: for example
     * {@link SettingsProfile#methodTrace(String)} on a JDK 25 target.
     *
     * @throws ConnectionException if the JVM does not know one of the JDK event types named (as a JDK 17
     *                             target does not know {@code jdk.MethodTrace}), or does not take the settings
     */
    public synchronized void updateSettings(Map<String, String> changes) throws ConnectionException {
        for (String key : changes.keySet()) {
            String type = key.substring(0, Math.max(0, key.indexOf('#')));
            if (type.startsWith("jdk.") && !connection.capabilities().eventTypes().contains(type)) {
                throw new ConnectionException(Kind.UNSUPPORTED, "JVM " + connection.identity().address() + " (JDK "
                        + connection.identity().jdkVersion() + ") has no event type " + type + ".");
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(settings);
        merged.putAll(changes);
        try {
            recorder.setRecordingSettings(recordingId, merged);
        } catch (RuntimeException e) {
            throw new ConnectionException(Kind.FAILED, "JVM " + connection.identity().address()
                    + " did not take the new settings: " + e.getMessage() + ".", e);
        }
        settings = merged;
    }

    /**
     * Records from now on with another profile, without losing data: its settings replace the ones
     * in force, every event enabled before but not named by the profile is turned off, and settings
     * of JDK event types this JVM does not have are left out (as JFR ignores them when a recording
     * starts with them).
     */
    public synchronized void switchTo(SettingsProfile next) throws ConnectionException {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String key : settings.keySet()) {
            if (key.endsWith("#enabled") && !next.settings().containsKey(key)) {
                changes.put(key, "false");
            }
        }
        next.settings().forEach((key, value) -> {
            String type = key.substring(0, Math.max(0, key.indexOf('#')));
            if (!type.startsWith("jdk.") || connection.capabilities().eventTypes().contains(type)) {
                changes.put(key, value);
            }
        });
        updateSettings(changes);
    }

    /** How the session ended, if it has. */
    public Optional<SessionEnd> end() {
        return Optional.ofNullable(end.getNow(null));
    }

    /** Calls {@code listener} once when the session ends (at once if it has). */
    public void onEnd(Consumer<SessionEnd> listener) {
        end.thenAccept(listener);
    }

    /** Waits up to {@code timeout} for the session to end by itself. */
    public Optional<SessionEnd> awaitEnd(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(end.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a session end cannot fail", e.getCause());
        }
    }

    /**
     * Detaches: stops the recording, waits (up to a few seconds) for the last events, keeps the
     * chunks and closes the stream. Returns how the session ended, which may be an earlier end.
     */
    public SessionEnd stop() {
        finish(Reason.STOPPED, "Vitals detached from JVM " + connection.identity().address() + ".");
        return end.join();
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private void finishLater(Reason reason, String message) {
        if (!ending.get()) {
            Thread.ofPlatform().daemon().name("vitals-session-end").start(() -> finish(reason, message));
        }
    }

    private void finish(Reason reason, String message) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        recordingCheck.shutdownNow();
        if (reason == Reason.STOPPED) {
            Thread stopper = Thread.ofPlatform().daemon().name("vitals-session-stop").start(() -> {
                try {
                    stream.stop();
                } catch (RuntimeException e) {
                    // the recording was already gone: what was downloaded is kept below
                }
            });
            try {
                stopper.join(STOP_LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String ending = message;
        try {
            keeper.keepNew();
        } catch (IOException e) {
            ending = message + " Keeping the last chunk failed: " + e.getMessage() + ".";
        }
        Deadline.close(stream, CLOSE_LIMIT, "vitals-stream-close");
        try {
            Files.deleteIfExists(directory.resolve("stream"));
        } catch (IOException e) {
            // the stream left files behind it could not delete: harmless, the session's data is in recording/
        }
        synchronized (sinkLock) {
            sinkOpen = false;
            try {
                sink.flushed();
            } catch (RuntimeException e) {
                ending += " Delivering the last events failed: " + e + ".";
            }
        }
        try {
            int cut = keeper.seal();
            if (cut > 0 && reason != Reason.STOPPED) {
                ending += " The data is kept up to the last flush.";
            }
        } catch (IOException e) {
            ending += " Sealing the last chunk failed: " + e.getMessage() + ".";
        }
        end.complete(new SessionEnd(reason, ending, Instant.now(), events.get()));
    }
}
