package dev.vitals.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import dev.vitals.attach.LocalJvms;
import dev.vitals.model.session.SessionFile;
import dev.vitals.model.session.SessionManifest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list} and {@code record} against the demo workload running as its own JVM. */
class LiveCommandsTest {
    static Process demo;
    static int jmxPort;
    static Path jmxFolder;

    @TempDir
    Path temp;

    @BeforeAll
    static void startDemo() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            jmxPort = free.getLocalPort();
        }
        jmxFolder = Files.createTempDirectory("vitals-jmx-test-");
        Path passwords = Files.writeString(jmxFolder.resolve("jmxremote.password"), "controlRole s3cret\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(jmxFolder.resolve("password.txt"), "s3cret\n");
        Files.writeString(jmxFolder.resolve("wrong.txt"), "guess\n");
        List<String> command = new ArrayList<>(DemoWorkloadProcess.command(Duration.ofSeconds(90), 2, Duration.ofSeconds(2)));
        command.addAll(1, List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.ssl=false", "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.password.file=" + passwords));
        demo = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (LocalJvms.describe(demo.pid()).filter(jvm -> jvm.attachable()).isEmpty() || !jmxListening()) {
            assertThat(System.nanoTime()).as("the demo JVM is attachable and its JMX port listens").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean jmxListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", jmxPort), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.destroy();
        demo.waitFor();
        try (var files = Files.list(jmxFolder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(jmxFolder);
    }

    @Test
    @SuppressWarnings("unchecked")
    void listShowsTheDemoAsAttachable() {
        Cli json = Cli.run("list", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        Map<String, Object> entry = TestJson.array(json.out()).stream().map(o -> (Map<String, Object>) o)
                .filter(jvm -> jvm.get("pid").equals(demo.pid())).findFirst().orElseThrow();
        assertThat(entry).containsEntry("name", "vitals-demo.jar").containsEntry("attachable", true)
                .containsEntry("reason", "").containsEntry("access", "stream").containsEntry("self", false);
        assertThat((String) entry.get("jdkVersion")).startsWith(Integer.toString(Runtime.version().feature()));
        assertThat((List<Object>) entry.get("arguments")).contains("--duration");

        Cli table = Cli.run("list");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).contains("PID", "NAME", "JDK", "ACCESS", "REASON");
        assertThat(table.out()).containsPattern("(?m)^ *" + demo.pid() + " +vitals-demo\\.jar +\\S+ +stream ");
        assertThat(table.out()).contains("(this Vitals)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsTheDemoIntoASessionThatSummaryOpens() throws Exception {
        Path session = temp.resolve("demo.vitals");
        Cli record = Cli.run("record", "--pid", Long.toString(demo.pid()), "--duration", "5s",
                "--connect-timeout", "30s", "-o", session.toString());
        assertThat(record.exitCode()).as(record.err()).isZero();
        assertThat(record.out()).startsWith("Recording pid " + demo.pid() + " (")
                .contains("for 5s with the default settings", session + ": ", "hottest method dev.vitals.demo.Work.hashLoop");
        SessionManifest manifest = SessionFile.open(session).manifest();
        assertThat(manifest.jvm()).containsEntry("pid", Long.toString(demo.pid()));
        assertThat(manifest.settings()).containsKey("jdk.ExecutionSample#period");
        assertThat(manifest.endNanos() - manifest.startNanos()).isBetween(3_000_000_000L, 15_000_000_000L);
        Cli summary = Cli.run("summary", "--json", session.toString());
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        Map<String, Object> json = TestJson.object(summary.out());
        List<Object> top = ((List<Map<String, Object>>) json.get("hotMethods")).stream().limit(3)
                .map(h -> h.get("method")).map(Object.class::cast).toList();
        assertThat(top).contains("dev.vitals.demo.Work.hashLoop");
        assertThat((Long) json.get("durationNanos")).isBetween(3_000_000_000L, 15_000_000_000L);
        assertThat((Map<String, Object>) json.get("events")).containsKey("dev.vitals.demo.Request");
        assertThat(Files.list(temp)).containsExactly(session);
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsOverJmxWithAPasswordFileAndNamesAWrongPassword() {
        Path session = temp.resolve("jmx.vitals");
        String endpoint = "127.0.0.1:" + jmxPort;
        Cli record = Cli.run("record", "--jmx", endpoint, "--user", "controlRole", "--password-file",
                jmxFolder.resolve("password.txt").toString(), "--duration", "2s", "--connect-timeout", "30s",
                "-o", session.toString());
        assertThat(record.exitCode()).as(record.err()).isZero();
        assertThat(record.out()).startsWith("Recording " + endpoint + " (");
        Cli summary = Cli.run("summary", "--json", session.toString());
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        assertThat((Map<String, Object>) TestJson.object(summary.out()).get("events")).containsKey("jdk.ExecutionSample");

        Cli wrong = Cli.run("record", "--jmx", endpoint, "--user", "controlRole", "--password-file",
                jmxFolder.resolve("wrong.txt").toString(), "--duration", "2s", "--connect-timeout", "30s",
                "-o", temp.resolve("no.vitals").toString());
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err().lines()).singleElement().asString().startsWith("vitals: ").contains(endpoint)
                .containsIgnoringCase("password");
        assertThat(temp.resolve("no.vitals")).doesNotExist();
    }

    @Test
    void anUnreachableJmxEndpointIsOneLineWithinTenSeconds() {
        long start = System.nanoTime();
        Cli cli = Cli.run("record", "--jmx", "127.0.0.1:1", "--duration", "5s", "-o", temp.resolve("x.vitals").toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).singleElement().asString().startsWith("vitals: ").contains("127.0.0.1:1")
                .doesNotContain("Exception");
        assertThat(temp.resolve("x.vitals")).doesNotExist();
    }

    @Test
    void targetsAndSettingsAreCheckedBeforeConnecting() {
        Cli both = Cli.run("record", "--pid", "1", "--jmx", "h:1", "-o", "x.vitals");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        Cli neither = Cli.run("record", "-o", "x.vitals");
        assertThat(neither.exitCode()).isEqualTo(2);
        Cli userOnly = Cli.run("record", "--jmx", "127.0.0.1:1", "--user", "admin", "-o", "x.vitals");
        assertThat(userOnly.exitCode()).isEqualTo(2);
        assertThat(userOnly.err()).contains("--user and --password-file go together");
        Cli settings = Cli.run("record", "--pid", "1", "--settings", "nonsense", "-o", "x.vitals");
        assertThat(settings.exitCode()).isEqualTo(2);
        assertThat(settings.err()).contains("--settings nonsense: neither default nor detailed nor an existing .jfc file");
        Cli port = Cli.run("record", "--jmx", "localhost", "-o", "x.vitals");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.err()).contains("expected HOST:PORT");
    }
}
