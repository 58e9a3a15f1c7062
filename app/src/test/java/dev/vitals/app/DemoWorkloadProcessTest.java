package dev.vitals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The demo the window watches runs at a lower scheduling priority than the window, as the same process. */
class DemoWorkloadProcessTest {
    @Test
    void theWatchedDemoRunsTenNiceLevelsBelowVitalsInTheProcessItStarts() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc here: the priority cannot be read");
        List<String> command = DemoWorkloadProcess.atLowerPriority(List.of("sleep", "10"));
        assumeTrue(!command.getFirst().equals("sleep"), "no nice launcher on this machine");
        Process process = new ProcessBuilder(command).start();
        try {
            int expected = Math.min(19, niceness(Path.of("/proc/self/stat")) + DemoWorkloadProcess.NICENESS);
            Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // nice replaces itself with the command: the started pid becomes the command, niced.
            while (!Files.readString(stat).contains("(sleep)") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(stat)).contains("(sleep)");
            assertThat(niceness(stat)).isEqualTo(expected);
        } finally {
            process.destroy();
        }
    }

    /** Field 19 of /proc/PID/stat (after the command name in parentheses: field 17 of the rest). */
    private static int niceness(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] rest = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(rest[16]);
    }
}
