package dev.vitals.attach;

import dev.vitals.attach.internal.ProcScanner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The JVMs on this machine, found without attaching to them (see {@link ProcScanner} for how), each
 * with whether and how Vitals can attach and, if not, why. Thread-safe.
 */
public final class LocalJvms {
    /** Refresh period of {@link #watch(Consumer)}: new and exited JVMs show within two periods. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(LocalJvms.class.getName());
    private static final ProcScanner SCANNER = new ProcScanner();

    private LocalJvms() {
    }

    /** A snapshot of all local JVMs, sorted by pid, Vitals itself included (flagged {@code self}). */
    public static List<JvmDescriptor> list() {
        synchronized (SCANNER) {
            return SCANNER.scan();
        }
    }

    /** The JVM with this pid, or empty if no such process exists or it is not a JVM. */
    public static Optional<JvmDescriptor> describe(long pid) {
        synchronized (SCANNER) {
            return SCANNER.describe(pid);
        }
    }

    /** {@link #watch(Duration, Consumer)} with {@link #DEFAULT_PERIOD}. */
    public static Watch watch(Consumer<Change> listener) {
        return watch(DEFAULT_PERIOD, listener);
    }

    /**
     * Rescans every {@code period} on a daemon thread and tells the listener (on that thread) when
     * JVMs appeared or vanished. The first call comes at once, with every JVM as appeared.
     */
    public static Watch watch(Duration period, Consumer<Change> listener) {
        Objects.requireNonNull(listener, "listener");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vitals-jvm-discovery");
            t.setDaemon(true);
            return t;
        });
        Map<Long, JvmDescriptor> previous = new HashMap<>();
        timer.scheduleWithFixedDelay(() -> {
            List<JvmDescriptor> now = list();
            Map<Long, JvmDescriptor> current = new HashMap<>();
            List<JvmDescriptor> appeared = new ArrayList<>();
            for (JvmDescriptor jvm : now) {
                current.put(jvm.pid(), jvm);
                JvmDescriptor before = previous.get(jvm.pid());
                if (before == null || before.startEpochMillis() != jvm.startEpochMillis()) {
                    appeared.add(jvm);
                }
            }
            List<JvmDescriptor> vanished = new ArrayList<>();
            for (JvmDescriptor before : previous.values()) {
                JvmDescriptor still = current.get(before.pid());
                if (still == null || still.startEpochMillis() != before.startEpochMillis()) {
                    vanished.add(before);
                }
            }
            previous.clear();
            previous.putAll(current);
            if (!appeared.isEmpty() || !vanished.isEmpty()) {
                try {
                    listener.accept(new Change(now, appeared, vanished));
                } catch (RuntimeException e) {
                    // keep watching: one failing listener call must not end discovery
                    LOG.log(System.Logger.Level.WARNING, "JVM discovery listener failed", e);
                }
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    /**
     * What one rescan found.
     *
     * @param all      every JVM now, sorted by pid
     * @param appeared JVMs not there in the previous scan
     * @param vanished JVMs of the previous scan that have exited
     */
    public record Change(List<JvmDescriptor> all, List<JvmDescriptor> appeared, List<JvmDescriptor> vanished) {
        public Change {
            all = List.copyOf(all);
            appeared = List.copyOf(appeared);
            vanished = List.copyOf(vanished);
        }
    }

    /** A running watch; closing it stops the rescans. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
