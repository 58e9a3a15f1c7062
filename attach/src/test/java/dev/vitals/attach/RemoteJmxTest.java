package dev.vitals.attach;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.export.CollapsedExport;
import dev.vitals.model.jfr.ImportProgress;
import dev.vitals.model.jfr.JfrFiles;
import dev.vitals.attach.ConnectionException.Kind;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A JDK 25 demo JVM with a password-protected JMX port, reached as a remote JVM; the last test kills it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteJmxTest {
    private static final String USER = "vitals";
    private static final char[] PASSWORD = "s3cret-pass".toCharArray();

    @TempDir
    static Path files;
    static TargetJvm target;
    static RemoteAddress address;

    @BeforeAll
    static void startTargetWithJmxPort() throws Exception {
        Path passwords = Files.writeString(files.resolve("jmxremote.password"), USER + " " + new String(PASSWORD) + "\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path access = Files.writeString(files.resolve("jmxremote.access"), USER + " readwrite\n");
        Files.setPosixFilePermissions(access, PosixFilePermissions.fromString("rw-------"));
        int port = freePort();
        target = TargetJvm.start(TargetJvm.JDK25, List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.password.file=" + passwords,
                "-Dcom.sun.management.jmxremote.access.file=" + access,
                "-Djava.rmi.server.hostname=127.0.0.1"));
        address = new RemoteAddress("127.0.0.1", port, USER, PASSWORD, false);
    }

    @AfterAll
    static void stopTarget() throws Exception {
        target.close();
    }

    @Test
    @Order(2)
    void rightPasswordStreamsIntoTheModelAndTheTargetsDeathEndsTheSession() throws Exception {
        try (Connection connection = connectWhenReady()) {
            assertThat(connection.identity().pid()).isEqualTo(target.pid());
            assertThat(connection.identity().address()).isEqualTo("127.0.0.1:" + address.port());
            assertThat(connection.localPid()).isEmpty();
            assertThat(connection.capabilities().streaming()).isTrue();

            ModelSink model = ModelSink.newModel(connection.identity().address());
            SessionEnd recorded = LiveSession.record(connection, SettingsProfile.defaults(), Duration.ofSeconds(4),
                    files.resolve("remote-session"), model);
            assertThat(recorded.reason()).isEqualTo(SessionEnd.Reason.STOPPED);
            assertThat(recorded.events()).isPositive();
            assertThat(model.profile().snapshot().samples("jdk.ExecutionSample").length()).isPositive();
            assertThat(LiveSessionTest.countEvents(chunks(files.resolve("remote-session")))).containsKey("jdk.ExecutionSample");
            // the remote stream's kept chunks, read a flush at a time, equal their file import
            ProfileSnapshot live = model.profile().snapshot();
            ProfileSnapshot file = JfrFiles.importFiles("kept", chunks(files.resolve("remote-session")),
                    ImportProgress.NONE, () -> false).snapshot();
            assertThat(live.info().eventCounts()).isEqualTo(file.info().eventCounts());
            assertThat(CollapsedExport.collapse(live, Selection.cpu(), true))
                    .isEqualTo(CollapsedExport.collapse(file, Selection.cpu(), true));
            assertThat(live.info().warnings()).isEmpty();

            RecordingSink sink = new RecordingSink(connection.identity().address());
            LiveSession doomed = LiveSession.start(connection, SettingsProfile.defaults(), files.resolve("doomed"), sink.model);
            assertThat(doomed.transport()).isEqualTo(LiveSession.Transport.JMX);
            LiveSessionTest.await(Duration.ofSeconds(15), () -> sink.count("jdk.ExecutionSample") > 0);
            target.kill();
            Optional<SessionEnd> ended = doomed.awaitEnd(Duration.ofSeconds(15));
            assertThat(ended).hasValueSatisfying(e -> {
                assertThat(e.reason()).isEqualTo(SessionEnd.Reason.CONNECTION_LOST);
                assertThat(e.message()).contains("127.0.0.1:" + address.port());
            });
            assertThat(LiveSessionTest.countEvents(doomed.chunkFiles())).containsKey("jdk.ExecutionSample");
        }
    }

    @Test
    @Order(1)
    void wrongPasswordMissingCredentialsAndTlsMismatchAreClearErrors() throws Exception {
        connectWhenReady().close();
        assertFailsWithin(address.withCredentials(USER, "wrong".toCharArray()), Kind.AUTHENTICATION_FAILED,
                "rejected user 'vitals' or its password");
        assertFailsWithin(address.withCredentials(null, null), Kind.AUTHENTICATION_FAILED,
                "needs a user name and password");
        assertFailsWithin(address.withTls(true), Kind.TLS_FAILED, "TLS with 127.0.0.1:" + address.port() + " failed");
    }

    static void assertFailsWithin(RemoteAddress to, Kind kind, String message) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Connection.remote(to)).isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    }

    /** The JMX agent opens its port a moment after the JVM starts. */
    private static Connection connectWhenReady() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return Connection.remote(address, TargetJvm.SLOW_MACHINE);
            } catch (ConnectionException e) {
                if (e.kind() != Kind.UNREACHABLE || System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static List<Path> chunks(Path session) throws IOException {
        try (var files = Files.list(session.resolve("recording"))) {
            return files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
