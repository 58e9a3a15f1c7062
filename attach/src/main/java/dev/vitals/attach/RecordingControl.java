package dev.vitals.attach;

import dev.vitals.attach.ConnectionException.Kind;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

import javax.management.JMX;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * JFR recordings controlled over JMX without streaming ({@code FlightRecorderMXBean}): start, stop,
 * dump to a local file, close. For JDK 11–13 targets, which cannot stream, or by choice. The
 * recording's data stays in the target until it is dumped.
 */
public final class RecordingControl {
    private static final Map<String, String> STREAM_OPTIONS = Map.of("blockSize", "1000000");

    private final Connection connection;
    private final FlightRecorderMXBean recorder;

    private RecordingControl(Connection connection, FlightRecorderMXBean recorder) {
        this.connection = connection;
        this.recorder = recorder;
    }

    /** Recording control over this connection. */
    public static RecordingControl of(Connection connection) throws ConnectionException {
        if (connection.capabilities().eventTypes().isEmpty()) {
            throw new ConnectionException(Kind.UNSUPPORTED, "JVM " + connection.identity().address()
                    + " has no FlightRecorderMXBean, so JFR cannot be controlled over JMX.");
        }
        return new RecordingControl(connection, JMX.newMXBeanProxy(connection.mbeans(),
                Connection.objectName(Connection.FLIGHT_RECORDER), FlightRecorderMXBean.class));
    }

    /**
     * Records for {@code duration}, then stops, dumps into {@code file} and closes the recording:
     * a headless recording for JVMs that cannot stream.
     */
    public static Path record(Connection connection, SettingsProfile profile, Duration duration, Path file)
            throws ConnectionException, IOException, InterruptedException {
        RecordingControl control = of(connection);
        long id = control.start(profile, "Vitals " + profile.name());
        try {
            Thread.sleep(duration);
            control.stop(id);
            return control.dump(id, file);
        } finally {
            control.close(id);
        }
    }

    /** Starts a new recording, kept on disk in the target, and returns its id. */
    public long start(SettingsProfile profile, String name) throws ConnectionException {
        return call("start a recording", () -> {
            long id = recorder.newRecording();
            recorder.setRecordingOptions(id, Map.of("name", name, "disk", "true"));
            recorder.setRecordingSettings(id, profile.settings());
            recorder.startRecording(id);
            return id;
        });
    }

    /** Stops a running recording; its data stays in the target until it is dumped and closed. */
    public void stop(long id) throws ConnectionException {
        call("stop recording " + id, () -> recorder.stopRecording(id));
    }

    /**
     * Copies the recording's data into {@code file} (replacing it). A running recording is copied as
     * it is now, through a stopped clone, and keeps running.
     */
    public Path dump(long id, Path file) throws ConnectionException, IOException {
        boolean running = call("read recording " + id, () -> recorder.getRecordings().stream()
                .filter(r -> r.getId() == id).findFirst().map(RecordingInfo::getState)
                .orElseThrow(() -> new IllegalArgumentException("no recording " + id)).equals("RUNNING"));
        long source = running ? call("clone recording " + id, () -> recorder.cloneRecording(id, true)) : id;
        try {
            long streamId = call("open recording " + source, () -> recorder.openStream(source, STREAM_OPTIONS));
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                byte[] block;
                while ((block = call("read recording " + source, () -> recorder.readStream(streamId))) != null) {
                    out.write(block);
                }
            } finally {
                call("close the recording stream", () -> {
                    recorder.closeStream(streamId);
                    return null;
                });
            }
            return Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            if (running) {
                close(source);
            }
        }
    }

    /** Closes a recording and frees its data in the target. */
    public void close(long id) throws ConnectionException {
        call("close recording " + id, () -> {
            recorder.closeRecording(id);
            return null;
        });
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T call(String what, Call<T> call) throws ConnectionException {
        try {
            return call.run();
        } catch (IOException | RuntimeException e) {
            Throwable cause = e instanceof UndeclaredThrowableException u && u.getCause() != null ? u.getCause() : e;
            throw new ConnectionException(Kind.FAILED, "Could not " + what + " in JVM " + connection.identity().address()
                    + ": " + cause.getMessage() + ".", cause);
        }
    }
}
