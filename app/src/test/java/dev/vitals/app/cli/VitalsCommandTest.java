package dev.vitals.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.app.DemoWorkloadProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VitalsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = VitalsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionNamesVitalsAndTheJavaRuntime() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Vitals 0.1.0").contains("Java " + Runtime.version().feature());
    }

    @Test
    void helpListsExactlyTheSubcommandsThatExist() {
        assertThat(run("--help")).isZero();
        List<String> listed = out.toString().lines()
                .dropWhile(line -> !line.equals("Commands:")).skip(1)
                .filter(line -> line.matches("  \\S.*")) // a command; its wrapped description is indented further
                .map(line -> line.trim().split("\\s+")[0]).toList();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(VitalsCommand.commandLine().getSubcommands().keySet());
        assertThat(listed).containsExactlyInAnyOrder("open", "demo", "list", "record", "summary", "export", "render",
                "analyze", "threads", "histo", "jcmd");
    }

    @Test
    void aUsageErrorExitsWithTwoAndSaysWhatWasWrong() {
        assertThat(run("demo", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theDemoWorkloadRunsAsItsOwnJvmAndReportsThroughput() throws Exception {
        List<String> command = DemoWorkloadProcess.command(Duration.ofMillis(1500), 1, Duration.ofSeconds(1));
        Process demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(demo.getInputStream().readAllBytes());
        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output.strip()).matches("ops/s: \\d+");
    }

    @Test
    void aMissingDemoJarIsAReadableError() {
        String configured = System.getProperty(DemoWorkloadProcess.JAR_PROPERTY);
        System.setProperty(DemoWorkloadProcess.JAR_PROPERTY, "/nonexistent/vitals-demo.jar");
        try {
            assertThat(run("demo", "--workload-only")).isEqualTo(1);
            assertThat(err.toString().strip())
                    .startsWith("vitals: the demo workload is missing: no /nonexistent/vitals-demo.jar")
                    .doesNotContain("Exception");
        } finally {
            System.setProperty(DemoWorkloadProcess.JAR_PROPERTY, configured);
        }
    }
}
