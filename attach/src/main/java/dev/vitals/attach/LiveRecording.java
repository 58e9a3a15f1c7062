package dev.vitals.attach;

import com.sun.management.OperatingSystemMXBean;
import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.SessionDiagnostics;
import dev.vitals.model.session.SessionManifest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * One live recording of a JVM, the steps the window's live tabs and {@code vitals record} share:
 * {@link #start} creates the session folder with a first manifest and streams the target's events
 * into the folder's chunks and into a growing {@link Profile}; {@link #save} packs what has arrived
 * into a {@code .vitals} file while the recording goes on ({@link #snapshot}: the data from a moment
 * on, kept in the folder; {@link #keep}: the annotations and diagnostics so far, kept in the folder); {@link #stopAndPack} stops, packs and removes the folder; {@link #close()}
 * detaches and leaves the folder, to be recovered later.
 * {@link #stats()} says how it goes (an immutable {@link Stats}); the overhead is estimated from the
 * snapshots as they are read ({@link OverheadEstimate}). UI-free: {@link #start}, {@link #switchTo},
 * {@link #save}, {@link #keep}, {@link #snapshot}, {@link #stopAndPack} and {@link #close()} block (they talk to the
 * target or write files), the other methods answer at once.
 * <p>
 * The manifest names the target (address, pid, main class, JDK), the settings recorded with, the
 * span received (epoch nanos, 0 while unknown) and the Vitals version that wrote it.
 */
public final class LiveRecording implements AutoCloseable {
    private static final OperatingSystemMXBean OWN_OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Connection connection;
    private final LiveSessionFolder folder;
    private final ModelSink model;
    private final String appVersion;
    private final AtomicLong arrivalDelayNanos = new AtomicLong();
    private final AtomicLong dataBytes = new AtomicLong();
    /** This process's CPU load (a fraction of the machine) as double bits, read at each flush. */
    private final AtomicLong ownCpu = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private volatile SettingsProfile settings;
    private volatile OverheadEstimate overhead;
    private volatile LiveSession session;
    /** Set once {@link #stopAndPack} has packed the folder and is removing it (guarded by this). */
    private boolean packed;

    private LiveRecording(Connection connection, LiveSessionFolder folder, SettingsProfile settings, String source,
            String appVersion) {
        this.connection = connection;
        this.folder = folder;
        this.settings = settings;
        this.appVersion = appVersion;
        this.overhead = new OverheadEstimate(settings.settings());
        this.model = new ModelSink(source, this::measure);
    }

    /**
     * Creates the session folder {@code directory} with its manifest and starts streaming.
     *
     * @param source     the name of the profile's source (a tab's title, an address)
     * @param appVersion the Vitals version written into the manifest
     */
    public static LiveRecording start(Connection connection, SettingsProfile settings, Path directory, String source,
            String appVersion) throws IOException, ConnectionException {
        LiveSessionFolder folder = LiveSessionFolder.create(directory, manifest(connection, settings, appVersion, 0, 0));
        LiveRecording recording = new LiveRecording(connection, folder, settings, source, appVersion);
        recording.session = LiveSession.start(connection, settings, folder.directory(), recording.model);
        return recording;
    }

    /** The profile the stream grows (a new snapshot at each flush). */
    public Profile profile() {
        return model.profile();
    }

    /** The stream: its connection, chunks, settings changes and end. */
    public LiveSession session() {
        return session;
    }

    /** The session folder. */
    public Path directory() {
        return folder.directory();
    }

    /** Records with {@code next} from now on (the overhead estimate starts again for it); the data so far stays. */
    public void switchTo(SettingsProfile next) throws ConnectionException {
        session.switchTo(next);
        settings = next;
        overhead = new OverheadEstimate(next.settings());
    }

    /** How the recording goes, now. */
    public Stats stats() {
        return new Stats(session.transport(), session.events(), dataBytes.get(), arrivalDelayNanos.get(),
                overhead.estimate(), Double.longBitsToDouble(ownCpu.get()));
    }

    /**
     * Packs what has arrived into {@code target} (the recording goes on): the manifest with the span
     * received so far, as {@code annotate} completes it (bookmarks, notes, alert rules, findings), the
     * {@code diagnostics} kept, and every whole chunk.
     */
    public synchronized Path save(Path target, UnaryOperator<SessionManifest> annotate, SessionDiagnostics diagnostics)
            throws IOException {
        keep(annotate, diagnostics);
        folder.pack(target);
        return target;
    }

    /**
     * Writes the manifest (the span received so far, as {@code annotate} completes it) and the
     * {@code diagnostics} into the session folder, where a session recovered after a crash finds
     * them; nothing once {@link #stopAndPack} has packed and removed the folder.
     */
    public synchronized void keep(UnaryOperator<SessionManifest> annotate, SessionDiagnostics diagnostics)
            throws IOException {
        if (packed) {
            return;
        }
        folder.writeDiagnostics(diagnostics);
        RecordingInfo info = model.profile().snapshot().info();
        folder.writeManifest(annotate.apply(manifest(connection, settings, appVersion, info.startNanos(), info.endNanos())));
    }

    /**
     * Writes a {@code .vitals} snapshot of the data from {@code fromNanos} (epoch) on into the
     * session folder as {@code entry} (an alert's evidence; the recording goes on): the chunks that
     * reach past it, with the manifest of that span as {@code annotate} completes it.
     *
     * @return the snapshot's file
     * @throws IOException when no chunk has been written yet or the file cannot be written
     */
    public Path snapshot(String entry, long fromNanos, UnaryOperator<SessionManifest> annotate) throws IOException {
        RecordingInfo info = model.profile().snapshot().info();
        return folder.snapshot(entry, annotate.apply(manifest(connection, settings, appVersion,
                Math.max(fromNanos, info.startNanos()), info.endNanos())), fromNanos);
    }

    /**
     * Stops (if it has not ended already), packs the session into {@code target} as {@link #save}
     * does and removes the folder. Returns how the recording ended.
     *
     * @throws IOException if nothing was recorded (the folder stays), or the file could not be written
     */
    public synchronized SessionEnd stopAndPack(Path target, UnaryOperator<SessionManifest> annotate,
            SessionDiagnostics diagnostics) throws IOException {
        SessionEnd end = session.stop();
        if (folder.chunkFiles().isEmpty()) {
            throw new IOException("nothing was recorded from " + connection.identity().address() + ": " + end.message());
        }
        save(target, annotate, diagnostics);
        packed = true;
        LiveSessionFolder.delete(folder.directory());
        return end;
    }

    /** The {@code .vitals} file beside the session folder, where a session that ended is packed. */
    public Path besideFolder() {
        return folder.directory().resolveSibling(folder.directory().getFileName() + ".vitals");
    }

    /** Detaches: the stream stops, the session folder stays as it is (recoverable). */
    @Override
    public void close() {
        session.close();
    }

    private static SessionManifest manifest(Connection connection, SettingsProfile settings, String appVersion,
            long startNanos, long endNanos) {
        JvmIdentity jvm = connection.identity();
        Map<String, String> identity = Map.of("address", jvm.address(), "pid", Long.toString(jvm.pid()),
                "mainClass", jvm.name(), "jdk", jvm.jdkVersion(), "jdkVendor", jvm.jdkVendor(), "vm", jvm.vmName());
        return new SessionManifest(SessionManifest.FORMAT_VERSION, appVersion, identity, settings.settings(),
                startNanos, endNanos, List.of(), List.of(), "", null, List.of());
    }

    /** At each new snapshot (a flush of the target read into the model): the overhead, the delay and the data. */
    private void measure(ProfileSnapshot snapshot) {
        overhead.update(snapshot);
        // the model's end is the time of the target's flush just read: its newest events end by then
        long now = System.currentTimeMillis() * 1_000_000L;
        arrivalDelayNanos.set(Math.max(0, now - snapshot.info().endNanos()));
        LiveSession running = session;
        if (running != null) {
            dataBytes.set(chunkBytes(running));
        }
        ownCpu.set(Double.doubleToLongBits(OWN_OS.getProcessCpuLoad()));
    }

    /** Adds up the chunk files, or -1 if they cannot be read. */
    private static long chunkBytes(LiveSession running) {
        long bytes = 0;
        try {
            for (Path chunk : running.chunkFiles()) {
                bytes += Files.size(chunk);
            }
        } catch (IOException e) {
            return -1;
        }
        return bytes;
    }

    /**
     * How a live recording goes.
     *
     * @param transport         how the events arrive (the target's local repository, or JMX)
     * @param events            the events received so far
     * @param dataBytes         the chunks' size on disk, or -1 if unreadable
     * @param arrivalDelayNanos the time from the target's last flush to its reading into the model
     * @param overhead          the target's cost of recording, estimated
     * @param ownCpu            this process's CPU (a fraction of the machine) at the last flush; NaN while unknown
     */
    public record Stats(LiveSession.Transport transport, long events, long dataBytes, long arrivalDelayNanos,
            OverheadEstimate.Estimate overhead, double ownCpu) {
    }
}
