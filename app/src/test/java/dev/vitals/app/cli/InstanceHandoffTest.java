package dev.vitals.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vitals.app.ui.InstanceHandoff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Vitals running, {@code vitals open FILE} and {@code vitals FILE} (a file manager's
 * double-click) hand the file to the running instance at once instead of starting a second one.
 */
class InstanceHandoffTest {
    private static final Path RECORDING = TestRecordings.path("demo-jdk25-default");

    @TempDir
    Path dir;

    @Test
    void openAndAPlainFileArgumentHandTheFileToTheRunningInstance() throws Exception {
        LinkedBlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
        try (InstanceHandoff running = InstanceHandoff.listen(InstanceHandoff.defaultSocket(), received::add)) {
            assertThat(running).isNotNull();
            Cli open = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run("open", RECORDING.toString()),
                    "a second window was started instead");
            assertThat(open.exitCode()).as(open.err()).isZero();
            assertThat(open.out()).isEqualTo("Opened in the running Vitals window: demo-jdk25-default.jfr\n");
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(RECORDING.toAbsolutePath().normalize());

            Cli plain = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(RECORDING.toString()),
                    "a second window was started instead");
            assertThat(plain.exitCode()).as(plain.err()).isZero();
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(RECORDING.toAbsolutePath().normalize());

            assertThat(InstanceHandoff.listen(InstanceHandoff.defaultSocket(), received::add))
                    .as("a second instance does not take the socket of one that answers").isNull();
        }
        assertThat(InstanceHandoff.defaultSocket()).doesNotExist();
    }

    @Test
    void aSocketLeftByACrashedInstanceIsNotAnInstance() throws Exception {
        Path socket = Files.writeString(dir.resolve("instance.sock"), "");
        assertThat(InstanceHandoff.handTo(socket, List.of(RECORDING))).isFalse();
        LinkedBlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();
        try (InstanceHandoff running = InstanceHandoff.listen(socket, received::add)) {
            assertThat(running).as("the stale file is replaced").isNotNull();
            assertThat(InstanceHandoff.handTo(socket, List.of(RECORDING))).isTrue();
            assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly(RECORDING.toAbsolutePath().normalize());
        }
        assertThat(InstanceHandoff.handTo(socket, List.of(RECORDING))).as("gone with its instance").isFalse();
    }
}
