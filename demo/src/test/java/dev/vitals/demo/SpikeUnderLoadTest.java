package dev.vitals.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The spike is 300 ms of the requests thread's work however loaded the machine: with four busy
 * threads per core competing for the CPU (as the niced demo of {@code vitals demo} competes on a
 * busy 2-core machine), {@link Work#spike} still spends 300 ms of its thread's CPU time in itself.
 * A spike timed by the wall clock got a fifth of that here, and on a loaded machine often none:
 * JFR then recorded no sample of it in the slow request's span, and one click on the request's
 * alert showed an empty flame graph.
 */
class SpikeUnderLoadTest {
    @Test
    void aSpikeBurnsItsMillisecondsOfCpuEvenWhenTheThreadGetsLittleOfIt() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> competitors = new ArrayList<>();
        for (int i = 0; i < 4 * Runtime.getRuntime().availableProcessors(); i++) {
            Thread busy = new Thread(() -> {
                long h = 1;
                while (running.get()) {
                    h = h * 31 + 7;
                }
                Work.sink += h;
            }, "competitor-" + i);
            busy.setDaemon(true);
            busy.start();
            competitors.add(busy);
        }
        try {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            Work.spike(300);
            long spentCpu = threads.getCurrentThreadCpuTime() - cpu;
            long spentWall = System.nanoTime() - wall;
            assertThat(spentCpu).as("CPU time in Work.spike (wall %d ms)", TimeUnit.NANOSECONDS.toMillis(spentWall))
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
            assertThat(spentWall).isGreaterThanOrEqualTo(spentCpu);
        } finally {
            running.set(false);
            for (Thread busy : competitors) {
                busy.join();
            }
        }
    }
}
