package dev.vitals.attach;

import dev.vitals.attach.ConnectionException.Kind;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way connecting fails ends in one readable sentence within 10 s. */
class ConnectionFailuresTest {

    @Test
    void noSuchProcess() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertAttachFails(gone.pid(), Kind.NO_SUCH_PROCESS, "No process has pid " + gone.pid());
    }

    @Test
    void notAJvm() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            assertAttachFails(sleep.pid(), Kind.NOT_A_JVM, "is not a JVM");
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void vitalsItself() {
        assertAttachFails(ProcessHandle.current().pid(), Kind.ATTACH_REFUSED, "Vitals itself");
    }

    @Test
    void nothingListening() throws Exception {
        RemoteJmxTest.assertFailsWithin(RemoteAddress.parse("127.0.0.1:" + RemoteJmxTest.freePort()),
                Kind.UNREACHABLE, "Nothing accepts connections at 127.0.0.1:");
    }

    @Test
    void unknownHost() {
        RemoteJmxTest.assertFailsWithin(RemoteAddress.parse("no-such-host.invalid:9999"), Kind.UNREACHABLE,
                "Unknown host 'no-such-host.invalid'");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RemoteJmxTest.assertFailsWithin(RemoteAddress.parse("127.0.0.1:" + silent.getLocalPort()), Kind.TIMEOUT,
                    "did not answer within");
        }
    }

    @Test
    void hostPortParsing() {
        assertThat(RemoteAddress.parse("example.com:9010").hostPort()).isEqualTo("example.com:9010");
        assertThat(RemoteAddress.parse("[::1]:9010").host()).isEqualTo("::1");
        assertThat(RemoteAddress.parse("[::1]:9010").hostPort()).isEqualTo("[::1]:9010");
        assertThat(new RemoteAddress("h", 1, "u", "pw".toCharArray(), true).toString()).doesNotContain("pw");
        assertThatThrownBy(() -> RemoteAddress.parse("example.com")).hasMessageContaining("HOST:PORT");
    }

    private static void assertAttachFails(long pid, Kind kind, String message) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Connection.attach(pid)).isInstanceOfSatisfying(ConnectionException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    }
}
