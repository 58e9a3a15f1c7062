package dev.vitals.attach;

import dev.vitals.attach.ConnectionException.Kind;
import dev.vitals.attach.SessionEnd.Reason;
import dev.vitals.attach.internal.Deadline;
import dev.vitals.attach.internal.Failures;
import dev.vitals.attach.internal.Feed;
import dev.vitals.attach.internal.KeptChunks;
import dev.vitals.attach.internal.RemoteFeed;
import dev.vitals.attach.internal.RepositoryFeed;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

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
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A live JFR recording in one connected JVM, read as the target flushes it, into a {@link ModelSink}.
 *
 * <p>A JVM on this machine whose JFR repository Vitals can read is read from the file system (see
 * {@link RepositoryFeed}): its chunks are copied into the session folder's {@code recording/} as
 * they are flushed, which reaches the model sooner and costs the target less than serving them over
 * JMX. Any other JVM is read through {@code RemoteRecordingStream} ({@link RemoteFeed}), which
 * downloads into {@code stream/} while every chunk is kept in {@code recording/}. Either way the
 * raw data is on disk as it arrives and stays there whatever happens to the target or to Vitals,
 * and the model reads the kept chunks, a flush at a time, with the same decoder as a file. Once the session has ended, {@code recording/*.jfr} are
 * plain, finished JFR files (a chunk the target never finished is cut at its last flush).
 *
 * <p>The session ends exactly once, with a {@link SessionEnd}: when {@link #stop()} is called, when
 * the target exits, when the connection is lost, when someone closes the recording in the target,
 * or when the feed or the reading fails. The connection is not closed by the session; stop the
 * session before closing it. When the session has ended, only {@code recording/} remains.
 */
public final class LiveSession implements AutoCloseable {
    /** How the session reads the target's recording. */
    public enum Transport {
        /** A JVM on this machine: its JFR repository, read from the file system. */
        REPOSITORY,
        /** Any JVM: {@code RemoteRecordingStream}, over the JMX connection. */
        JMX
    }

    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    private static final Duration RECORDING_CHECK = Duration.ofSeconds(2);
    /**
     * How long the target records past the session's last renewal (its recording's {@code duration},
     * renewed at every check): a Vitals that dies, or loses the network to the target, leaves a
     * recording that stops by itself instead of one that runs until the target exits.
     */
    static final Duration LEASE = Duration.ofSeconds(30);

    private final Connection connection;
    private final Path directory;
    private final ModelSink sink;
    private final Feed feed;
    private final FlightRecorderMXBean recorder;
    private final AtomicBoolean ending = new AtomicBoolean();
    private final CompletableFuture<SessionEnd> end = new CompletableFuture<>();
    /** Serialises the sink's reads: the feed's thread, and the final read from whoever ends the session. */
    private final Object sinkLock = new Object();
    private boolean sinkOpen = true;
    private final ScheduledExecutorService recordingCheck = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vitals-recording-check");
        t.setDaemon(true);
        return t;
    });
    private Map<String, String> settings;
    private final long startedNanos;
    private final Duration lease;

    private LiveSession(Connection connection, Path directory, ModelSink sink, Feed feed,
                        FlightRecorderMXBean recorder, Map<String, String> settings, long startedNanos, Duration lease) {
        this.connection = connection;
        this.directory = directory;
        this.sink = sink;
        this.feed = feed;
        this.recorder = recorder;
        this.settings = settings;
        this.startedNanos = startedNanos;
        this.lease = lease;
    }

    /**
     * Starts streaming with the profile's settings into {@code directory} (created if needed).
     *
     * @throws IOException         if the session folder cannot be used
     * @throws ConnectionException if the JVM cannot stream (JDK older than 14) or the recording cannot start
     */
    public static LiveSession start(Connection connection, SettingsProfile profile, Path directory, ModelSink sink)
            throws IOException, ConnectionException {
        return start(connection, profile, directory, sink, LEASE);
    }

    /** {@link #start(Connection, SettingsProfile, Path, ModelSink)} with a recording lease of {@code lease}. */
    static LiveSession start(Connection connection, SettingsProfile profile, Path directory, ModelSink sink,
                             Duration lease) throws IOException, ConnectionException {
        long started = System.nanoTime();
        if (!connection.capabilities().streaming()) {
            throw new ConnectionException(Kind.UNSUPPORTED, "JVM " + connection.identity().address() + " runs JDK "
                    + connection.identity().jdkVersion() + ", which cannot stream JFR over JMX (needs 14+); record and dump it instead.");
        }
        Files.createDirectories(directory);
        FlightRecorderMXBean recorder = JMX.newMXBeanProxy(connection.mbeans(),
                Connection.objectName(Connection.FLIGHT_RECORDER), FlightRecorderMXBean.class);
        String where = connection.identity().address();
        Feed feed = Deadline.within(connection.timeout(), "vitals-stream-" + where, () -> {
            if (connection.localPid().isPresent()) {
                Optional<RepositoryFeed> local = RepositoryFeed.open(where, connection.localPid().getAsLong(),
                        connection.mbeans(), recorder, profile.settings(), directory);
                if (local.isPresent()) {
                    return local.get();
                }
            }
            return RemoteFeed.open(where, connection.mbeans(), recorder, profile.settings(), directory);
        }, failure -> new ConnectionException(Kind.FAILED, "Could not start a JFR stream in JVM " + where + ": "
                + Failures.rootMessage(failure) + ".", failure), new ConnectionException(Kind.TIMEOUT,
                "JVM " + where + " did not answer within " + connection.timeout().toSeconds() + " s when starting the stream."));
        LiveSession session = new LiveSession(connection, directory, sink, feed, recorder,
                new LinkedHashMap<>(profile.settings()), started, lease);
        session.begin();
        return session;
    }

    /**
     * Streams for {@code duration} (or until the session ends by itself) and stops: a headless
     * recording through the same live path.
     */
    public static SessionEnd record(Connection connection, SettingsProfile profile, Duration duration, Path directory,
                                    ModelSink sink) throws IOException, ConnectionException, InterruptedException {
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
        connection.onLost(loss -> finishLater(loss.exited() ? Reason.TARGET_EXITED : Reason.CONNECTION_LOST, loss.message()));
        feed.start(new Feed.Listener() {
            @Override
            public void kept() {
                read();
            }

            @Override
            public void ended(Reason reason, String message) {
                finishLater(reason, message);
            }
        });
        recordingCheck.scheduleWithFixedDelay(this::checkRecording, 0, RECORDING_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A feed does not always notice its recording being stopped or closed in the target (a remote
     * stream's download thread just ends), so the session looks; a running recording's lease is
     * renewed: it stops {@link #lease} after now, counted from before it started. A failing call is
     * left to the connection's monitor.
     */
    private void checkRecording() {
        try {
            Optional<String> state = recorder.getRecordings().stream().filter(r -> r.getId() == feed.recordingId())
                    .map(RecordingInfo::getState).findFirst();
            String where = connection.identity().address();
            if (state.isEmpty() || state.get().equals("CLOSED")) {
                finishLater(Reason.RECORDING_CLOSED, "The recording in JVM " + where + " was closed by someone else.");
            } else if (state.get().equals("STOPPED")) {
                finishLater(Reason.RECORDING_CLOSED, "The recording in JVM " + where + " was stopped by someone else.");
            } else {
                long until = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos) + lease.toSeconds();
                recorder.setRecordingOptions(feed.recordingId(), Map.of("duration", until + " s"));
            }
        } catch (RuntimeException e) {
            // an unreachable JVM: the connection's liveness monitor reports it
        }
    }

    /** Reads the kept chunks' new data into the model (on the feed's thread, or the final time on the ending one). */
    private void read() {
        synchronized (sinkLock) {
            if (!sinkOpen) {
                return;
            }
            try {
                sink.read(directory.resolve("recording"));
            } catch (IOException | RuntimeException e) {
                finishLater(Reason.FAILED, "Reading the kept JFR data failed: " + e.getMessage() + ".");
            }
        }
    }

    /** The session folder. */
    public Path directory() {
        return directory;
    }

    /** How the session reads the target's recording. */
    public Transport transport() {
        return feed.transport();
    }

    /** The kept chunk files, oldest first; each a JFR file. */
    public List<Path> chunkFiles() throws IOException {
        return KeptChunks.list(directory.resolve("recording"));
    }

    public Connection connection() {
        return connection;
    }

    /** Events read into the model so far. */
    public long events() {
        return sink.events();
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
            recorder.setRecordingSettings(feed.recordingId(), merged);
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
        String ending = message + feed.end(reason == Reason.STOPPED, STOP_LIMIT).map(p -> " " + p).orElse("");
        try {
            int cut = KeptChunks.seal(directory.resolve("recording"));
            if (cut > 0 && reason != Reason.STOPPED) {
                ending += " The data is kept up to the last flush.";
            }
        } catch (IOException e) {
            ending += " Sealing the last chunk failed: " + e.getMessage() + ".";
        }
        synchronized (sinkLock) {
            try {
                sink.read(directory.resolve("recording"));
            } catch (IOException | RuntimeException e) {
                ending += " Reading the last data failed: " + e.getMessage() + ".";
            }
            sinkOpen = false;
        }
        end.complete(new SessionEnd(reason, ending, Instant.now(), sink.events()));
    }
}
