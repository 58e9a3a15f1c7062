package dev.vitals.attach;

import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * What recording costs the target JVM, estimated from the events as they stream in. JFR's own cost
 * where the JDK reports it: {@code jdk.Flush} (experimental, enabled by Vitals' built-in settings)
 * gives the time JFR spends writing each flush, about once a second while streaming; the JDK
 * reports no other JFR thread's CPU ({@code jdk.ThreadCPULoad} leaves JFR's own threads out).
 * Otherwise, the configured sampling period. Beside it the target JVM's whole CPU
 * ({@code jdk.CPULoad}), for scale. Fed on the stream's thread, read from any thread.
 */
public final class OverheadEstimate {
    private static final String SAMPLING_PERIOD = "jdk.ExecutionSample#period";

    private final String samplingPeriod;
    private long flushes;
    private long flushNanos;
    private long firstFlushStart = Long.MAX_VALUE;
    private long lastFlushEnd = Long.MIN_VALUE;
    private double jvmCpu = Double.NaN;

    /** @param settings the recording's settings ({@code event#setting} keys), for the sampling period */
    public OverheadEstimate(Map<String, String> settings) {
        this.samplingPeriod = settings.get(SAMPLING_PERIOD);
    }

    /** Takes the events it needs ({@code jdk.Flush}, {@code jdk.CPULoad}); ignores the others. */
    public void accept(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.Flush" -> {
                long start = nanos(event.getStartTime());
                long duration = event.getDuration().toNanos();
                synchronized (this) {
                    flushes++;
                    flushNanos += duration;
                    firstFlushStart = Math.min(firstFlushStart, start);
                    lastFlushEnd = Math.max(lastFlushEnd, start + duration);
                }
            }
            case "jdk.CPULoad" -> {
                double cpu = event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                synchronized (this) {
                    jvmCpu = cpu;
                }
            }
            default -> { }
        }
    }

    /** The estimate from what has arrived so far. */
    public synchronized Estimate estimate() {
        long span = lastFlushEnd - firstFlushStart;
        double share = flushes >= 2 && span > 0 ? (double) flushNanos / span : Double.NaN;
        return new Estimate(flushes, share, jvmCpu, samplingPeriod);
    }

    private static long nanos(java.time.Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * @param flushes        how many {@code jdk.Flush} events arrived
     * @param jfrWriteShare  JFR's writing time over the time the flushes span, as a fraction of one core; NaN while not reported
     * @param jvmCpu         the target JVM's CPU (user + system) as a fraction of the machine; NaN while unknown
     * @param samplingPeriod the configured execution sampling period ({@code 20 ms}), or null
     */
    public record Estimate(long flushes, double jfrWriteShare, double jvmCpu, String samplingPeriod) {
        /** One line for a status bar. */
        public String describe() {
            StringBuilder text = new StringBuilder("Target: ");
            if (!Double.isNaN(jfrWriteShare)) {
                text.append(String.format("JFR writing %.2f %% of a core", 100 * jfrWriteShare));
            } else {
                text.append("JFR cost not reported");
                if (samplingPeriod != null) {
                    text.append(", sampling every ").append(samplingPeriod);
                }
            }
            if (!Double.isNaN(jvmCpu)) {
                text.append(String.format(", JVM %.0f %% CPU", 100 * jvmCpu));
            }
            return text.toString();
        }
    }
}
