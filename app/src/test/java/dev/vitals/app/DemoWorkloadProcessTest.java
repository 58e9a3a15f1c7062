package dev.vitals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo the window watches runs at a lower scheduling priority than the window once connected. */
class DemoWorkloadProcessTest {
    @Test
    void aRunningDemoIsLoweredTenNiceLevelsBelowVitalsInEveryThread() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc here: the priority cannot be read");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")), "no renice on this machine");
        Process process = new ProcessBuilder("sleep", "10").start();
        try {
            int before = niceness(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            assertThat(DemoWorkloadProcess.lowerPriority(process.pid())).isTrue();
            try (var threads = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
                for (Path thread : threads.toList()) {
                    assertThat(niceness(thread.resolve("stat"))).as(thread.toString())
                            .isEqualTo(Math.min(19, before + DemoWorkloadProcess.NICENESS));
                }
            }
        } finally {
            process.destroy();
        }
        assertThat(DemoWorkloadProcess.lowerPriority(Long.MAX_VALUE)).as("no such process").isFalse();
    }

    /** Field 19 of /proc/PID/stat (after the command name in parentheses: field 17 of the rest). */
    private static int niceness(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] rest = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(rest[16]);
    }
}
