package dev.vitals.attach;

import dev.vitals.model.IntervalTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Series;
import java.util.Map;

/**
 * What recording costs the target JVM, estimated from the live model as it grows. JFR's own cost
 * where the JDK reports it: {@code jdk.Flush} (experimental, enabled by Vitals' built-in settings)
 * gives the time JFR spends writing each flush, about once a second while streaming; the JDK
 * reports no other JFR thread's CPU ({@code jdk.ThreadCPULoad} leaves JFR's own threads out).
 * Otherwise, the configured sampling period. Beside it the target JVM's whole CPU
 * ({@code jdk.CPULoad}), for scale. Updated on the session's reading thread, read from any thread.
 */
public final class OverheadEstimate {
    private static final String SAMPLING_PERIOD = "jdk.ExecutionSample#period";

    private final String samplingPeriod;
    /** The first interval row not looked at yet: the model's tables only grow. */
    private int nextRow;
    private long flushes;
    private long flushNanos;
    private long firstFlushStart = Long.MAX_VALUE;
    private long lastFlushEnd = Long.MIN_VALUE;
    private double jvmCpu = Double.NaN;

    /** @param settings the recording's settings ({@code event#setting} keys), for the sampling period */
    public OverheadEstimate(Map<String, String> settings) {
        this.samplingPeriod = settings.get(SAMPLING_PERIOD);
    }

    /** Takes what the snapshot added since the last one: {@code jdk.Flush} events, the newest {@code jdk.CPULoad}. */
    public synchronized void update(ProfileSnapshot snapshot) {
        IntervalTable intervals = snapshot.intervals();
        int flush = intervals.typeIndexOf("jdk.Flush");
        for (; flush >= 0 && nextRow < intervals.length(); nextRow++) {
            if (intervals.typeIndex(nextRow) == flush) {
                flushes++;
                flushNanos += intervals.duration(nextRow);
                firstFlushStart = Math.min(firstFlushStart, intervals.start(nextRow));
                lastFlushEnd = Math.max(lastFlushEnd, intervals.end(nextRow));
            }
        }
        nextRow = intervals.length();
        Series user = snapshot.series("jdk.CPULoad.jvmUser");
        Series system = snapshot.series("jdk.CPULoad.jvmSystem");
        if (user != null && system != null && user.length() > 0 && user.length() == system.length()) {
            jvmCpu = user.value(user.length() - 1) + system.value(system.length() - 1);
        }
    }

    /** The estimate from what has arrived so far. */
    public synchronized Estimate estimate() {
        long span = lastFlushEnd - firstFlushStart;
        double share = flushes >= 2 && span > 0 ? (double) flushNanos / span : Double.NaN;
        return new Estimate(flushes, share, jvmCpu, samplingPeriod);
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
