package dev.vitals.views.chart;

import java.util.List;

/**
 * What a {@link MetricChart} plots: named series of the snapshot (JFR periodic events, see the
 * model's series names "eventType.field") or, for the allocation rate, the rate of allocation
 * samples' bytes.
 */
public enum Metric {
    /** JVM user and system CPU and the whole machine's, 0–100 %. */
    CPU("CPU", Unit.PERCENT, List.of("jdk.CPULoad.jvmUser", "jdk.CPULoad.jvmSystem", "jdk.CPULoad.machineTotal"),
            List.of("JVM user", "JVM system", "machine")),
    /** Heap used and committed, with GC pauses marked. */
    HEAP("Heap", Unit.BYTES, List.of("jdk.GCHeapSummary.heapUsed", "jdk.GCHeapMemoryUsage.committed"),
            List.of("used", "committed")),
    /** Live and daemon thread counts. */
    THREADS("Threads", Unit.COUNT, List.of("jdk.JavaThreadStatistics.activeCount",
            "jdk.JavaThreadStatistics.daemonCount"), List.of("live", "daemon")),
    /** Bytes allocated per second, from the allocation samples' weights. */
    ALLOCATION("Allocation rate", Unit.BYTES_PER_SECOND, List.of(), List.of("allocated"));

    /** How values are labelled. */
    public enum Unit {
        PERCENT, BYTES, COUNT, BYTES_PER_SECOND
    }

    private final String title;
    private final Unit unit;
    private final List<String> series;
    private final List<String> labels;

    Metric(String title, Unit unit, List<String> series, List<String> labels) {
        this.title = title;
        this.unit = unit;
        this.series = series;
        this.labels = labels;
    }

    /** The chart's title. */
    public String title() {
        return title;
    }

    /** The unit of the values. */
    public Unit unit() {
        return unit;
    }

    /** The snapshot series plotted (empty for {@link #ALLOCATION}). */
    public List<String> series() {
        return series;
    }

    /** The legend label of each line. */
    public List<String> labels() {
        return labels;
    }
}
