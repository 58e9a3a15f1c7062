package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.jfr.JfrFiles;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** The demo workload's JDK 25 recording, loaded once, and a way to read control state on the FX thread. */
final class Demo {
    static final Path RECORDING = Path.of(System.getProperty("vitals.recordings",
            "../model/src/test/resources/recordings")).resolve("demo-jdk25-default.jfr");
    static final String SPIKE = "dev.vitals.demo.Work.spike";
    static final String HASH_LOOP = "dev.vitals.demo.Work.hashLoop";
    static final String REQUEST = "dev.vitals.demo.Request";
    private static ProfileSnapshot snapshot;

    private Demo() {
    }

    static synchronized ProfileSnapshot snapshot() {
        if (snapshot == null) {
            try {
                snapshot = JfrFiles.importFile(RECORDING).snapshot();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return snapshot;
    }

    static TimeRange recording() {
        return new TimeRange(snapshot().info().startNanos(), snapshot().info().endNanos());
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
