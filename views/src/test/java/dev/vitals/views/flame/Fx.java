package dev.vitals.views.flame;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Reads control state on the JavaFX thread from a test. */
final class Fx {
    static <T> T onFx(Callable<T> read) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private Fx() {
    }
}
