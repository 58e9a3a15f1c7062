package dev.vitals.model.session;

/**
 * An alert on a series: fires when the series' value crosses the threshold in the given direction.
 *
 * @param name      the rule's name
 * @param series    a series name ({@code jdk.CPULoad.machineTotal})
 * @param above     true: fire above the threshold; false: below
 * @param threshold the value
 */
public record AlertRule(String name, String series, boolean above, double threshold) {
}
