package dev.vitals.model.query;

import java.util.regex.Pattern;

/**
 * Tells the JVM's own threads from the application's by name: JFR's, JMX's and RMI's, the
 * garbage collectors', the JIT compilers', the Common-Cleaner, the reference handler and the
 * other service threads HotSpot starts. Views list the application's threads first.
 */
public final class JvmThreads {
    private static final Pattern INTERNAL = Pattern.compile("^(JFR[ :].*|JFR|JMX .*|RMI .*|GC Thread.*|G1 .*"
            + "|ZGC .*|Z[A-Z]\\w* .*|Shenandoah.*|Parallel GC.*|VM Thread|VM Periodic Task Thread|C1 CompilerThread.*"
            + "|C2 CompilerThread.*|Compiler.*|Sweeper thread|Common-Cleaner|Reference Handler|Finalizer"
            + "|Signal Dispatcher|Attach Listener|Service Thread|Notification Thread|Monitor Deflation Thread"
            + "|process reaper|DestroyJavaVM|Java2D Disposer|Concurrent GC.*|Cleaner-.*"
            + "|Thread Dump Listener|Monitor Ctrl-Break|Timer-JFR.*)$");

    private JvmThreads() {
    }

    /** True for a thread the JVM (or its management and recording services) runs for itself. */
    public static boolean isInternal(String threadName) {
        return INTERNAL.matcher(threadName).matches();
    }
}
