package dev.vitals.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A target JVM with known behaviour, for tests, benchmarks and the first run of Vitals.
 *
 * <p>Threads and what they do (names are stable; tests rely on them):
 * <ul>
 *   <li>{@code worker-N} ({@code --threads}, default 2): a 100 ms cycle of 60 ms
 *       {@link Work#hashLoop}, 30 ms {@link Work#sortLoop}, 10 ms {@link Work#allocate};</li>
 *   <li>{@code requests}: a request every 10 ms ({@link Work#handleRequest}, ~0.8 ms of CPU), each
 *       a {@code dev.vitals.demo.Request} JFR event; every {@code --spike-every} one request burns
 *       300 ms of its CPU time in {@link Work#spike} (longer than 300 ms on a busy machine);</li>
 *   <li>{@code parker} parks, {@code sleeper} sleeps, {@code waiter} waits on a monitor,
 *       {@code contender-1} and {@code contender-2} take turns holding one lock for 40 ms so the
 *       other blocks;</li>
 *   <li>{@code io-client} / {@code io-server}: a loopback echo every 200 ms, and a forced write
 *       to a temp file;</li>
 *   <li>with {@code --deadlock D}: {@code deadlock-a} and {@code deadlock-b}, which after D take two
 *       monitors in opposite orders ({@link Work#lockInOrder}) and stay deadlocked;</li>
 *   <li>with {@code --leak N}: {@code leaker}, which keeps N {@link Leak} objects a second for good.</li>
 * </ul>
 * Prints nothing while running; on exit one line {@code ops/s: N} (worker units per second, after
 * {@code --warmup} when given).
 */
public final class DemoWorkload {
    static final long CYCLE_MILLIS = 100;
    static final long HASH_MILLIS = 60;
    static final long SORT_MILLIS = 30;
    static final long SPIKE_MILLIS = 300;
    static final long REQUEST_EVERY_MILLIS = 10;

    private final Options options;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder units = new LongAdder();
    private final List<Thread> threads = new ArrayList<>();
    private final Object lock = new Object();
    private final Object monitor = new Object();

    DemoWorkload(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vitals-demo: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        new DemoWorkload(options).run();
    }

    void run() throws Exception {
        AtomicReference<Count> from = new AtomicReference<>(new Count(System.nanoTime(), 0));
        AtomicBoolean reported = new AtomicBoolean();
        Runnable report = () -> {
            if (reported.compareAndSet(false, true)) {
                Count start = from.get();
                double seconds = Math.max(1e-9, (System.nanoTime() - start.nanos()) / 1e9);
                System.out.println("ops/s: " + Math.round((units.sum() - start.units()) / seconds));
                System.out.flush();
            }
        };
        Thread hook = new Thread(() -> {
            running.set(false);
            report.run();
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        startThreads();
        if (options.warmup != null) {
            Thread.sleep(options.warmup.toMillis());
            from.set(new Count(System.nanoTime(), units.sum()));
        }
        if (options.duration == null) {
            for (Thread t : threads) {
                t.join();
            }
            return;
        }
        Thread.sleep(options.duration.toMillis());
        running.set(false);
        report.run();
        for (Thread t : threads) {
            t.interrupt();
            t.join(1000);
        }
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    private void startThreads() throws IOException {
        for (int i = 1; i <= options.threads; i++) {
            long seed = i;
            start("worker-" + i, () -> workerLoop(seed));
        }
        start("requests", this::requestLoop);
        start("parker", () -> {
            while (running.get()) {
                Work.park(50);
            }
        });
        start("sleeper", () -> {
            while (running.get()) {
                Work.sleep(100);
            }
        });
        start("waiter", () -> {
            while (running.get()) {
                Work.waitOn(monitor, 100);
            }
        });
        for (int i = 1; i <= 2; i++) {
            start("contender-" + i, () -> {
                while (running.get()) {
                    Work.holdLock(lock, 40);
                }
            });
        }
        startIo();
        if (options.deadlockAfter != null) {
            startDeadlock(options.deadlockAfter.toMillis());
        }
        if (options.leakPerSecond > 0) {
            start("leaker", this::leakLoop);
        }
    }

    /** Two threads that each take one monitor, meet, then ask for the other's: a deadlock for good. */
    private void startDeadlock(long delayMillis) {
        Object first = new Object();
        Object second = new Object();
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        start("deadlock-a", () -> {
            Work.sleep(delayMillis);
            Work.lockInOrder(first, second, bothHoldOne);
        });
        start("deadlock-b", () -> {
            Work.sleep(delayMillis);
            Work.lockInOrder(second, first, bothHoldOne);
        });
    }

    private void leakLoop() throws InterruptedException {
        List<Leak> kept = new ArrayList<>();
        long start = System.nanoTime();
        long id = 0;
        while (running.get()) {
            long due = (System.nanoTime() - start) * options.leakPerSecond / 1_000_000_000L;
            while (id < due) {
                kept.add(new Leak(id++, new byte[Leak.PAYLOAD_BYTES]));
            }
            Work.sleep(10);
        }
        Work.sink += kept.size();
    }

    private void workerLoop(long seed) {
        int[] scratch = new int[2048];
        while (running.get()) {
            long cycleStart = System.nanoTime();
            long hashEnd = cycleStart + TimeUnit.MILLISECONDS.toNanos(HASH_MILLIS);
            long sortEnd = hashEnd + TimeUnit.MILLISECONDS.toNanos(SORT_MILLIS);
            long cycleEnd = cycleStart + TimeUnit.MILLISECONDS.toNanos(CYCLE_MILLIS);
            units.add(Work.hashLoop(hashEnd));
            units.add(Work.sortLoop(sortEnd, scratch, seed++));
            units.add(Work.allocate(cycleEnd));
        }
    }

    private void requestLoop() throws InterruptedException {
        long spikeEveryNanos = options.spikeEvery.toNanos();
        long nextSpike = System.nanoTime() + spikeEveryNanos;
        long requestId = 0;
        while (running.get()) {
            Request event = new Request();
            event.begin();
            event.requestId = ++requestId;
            if (System.nanoTime() >= nextSpike) {
                nextSpike += spikeEveryNanos;
                event.endpoint = "/report";
                event.spike = true;
                Work.spike(SPIKE_MILLIS);
            } else {
                event.endpoint = "/item";
                Work.handleRequest(requestId);
            }
            event.commit();
            Thread.sleep(REQUEST_EVERY_MILLIS);
        }
    }

    private void startIo() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        start("io-server", () -> {
            try (server; Socket peer = server.accept()) {
                InputStream in = peer.getInputStream();
                OutputStream out = peer.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while (running.get() && (n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
            }
        });
        start("io-client", () -> {
            byte[] message = new byte[16 * 1024];
            ByteBuffer block = ByteBuffer.allocateDirect(64 * 1024);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 FileChannel file = Work.openScratchFile()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (running.get()) {
                    out.write(message);
                    in.readNBytes(message.length);
                    Work.writeFile(file, block);
                    Work.sleep(200);
                }
            }
        });
    }

    private interface Body {
        void run() throws Exception;
    }

    private void start(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                if (running.get()) {
                    System.err.println("vitals-demo: thread " + Thread.currentThread().getName() + " failed: " + e);
                }
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Where the ops/s figure counts from: a time and the worker units done by then. */
    private record Count(long nanos, long units) {
    }

    /**
     * Command-line options: {@code --duration 60s}, {@code --warmup 10s}, {@code --threads 2},
     * {@code --spike-every 5s}, {@code --deadlock 2s}, {@code --leak 1000}.
     */
    static final class Options {
        static final String USAGE = String.join(System.lineSeparator(),
                "Usage: java -jar vitals-demo.jar [--duration D] [--warmup D] [--threads N] [--spike-every D]"
                        + " [--deadlock D] [--leak N]",
                "  --duration D     run for D (e.g. 30s, 2m, 500ms), then print 'ops/s: N' and exit; default: until stopped",
                "  --warmup D       run D first and leave it out of the ops/s figure (default: none)",
                "  --threads N      CPU worker threads (default 2)",
                "  --spike-every D  one 300 ms request in Work.spike every D (default 5s)",
                "  --deadlock D     after D, threads deadlock-a and deadlock-b deadlock on two monitors (default: never)",
                "  --leak N         keep N dev.vitals.demo.Leak objects a second for good (default: none)");

        Duration duration;
        Duration warmup;
        int threads = 2;
        Duration spikeEvery = Duration.ofSeconds(5);
        Duration deadlockAfter;
        long leakPerSecond;
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> o.help = true;
                    case "--duration" -> o.duration = parseDuration(value(args, ++i, arg));
                    case "--warmup" -> o.warmup = parseDuration(value(args, ++i, arg));
                    case "--spike-every" -> o.spikeEvery = parseDuration(value(args, ++i, arg));
                    case "--deadlock" -> o.deadlockAfter = parseDuration(value(args, ++i, arg));
                    case "--leak" -> {
                        String v = value(args, ++i, arg);
                        try {
                            o.leakPerSecond = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--leak needs a whole number, not '" + v + "'");
                        }
                        if (o.leakPerSecond < 1) {
                            throw new IllegalArgumentException("--leak must be at least 1");
                        }
                    }
                    case "--threads" -> {
                        String v = value(args, ++i, arg);
                        try {
                            o.threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--threads needs a whole number, not '" + v + "'");
                        }
                        if (o.threads < 1) {
                            throw new IllegalArgumentException("--threads must be at least 1");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        /** Parses {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or plain seconds. */
        static Duration parseDuration(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            try {
                Duration d;
                if (t.endsWith("ms")) {
                    d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
                } else if (t.endsWith("s")) {
                    d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
                } else if (t.endsWith("m")) {
                    d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
                } else if (t.endsWith("h")) {
                    d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
                } else {
                    d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
                }
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("a duration must be positive, not '" + text + "'");
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 2m)");
            }
        }
    }
}
