package dev.vitals.views.chart.internal;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A chart's y labels never overlap, however low the chart. */
class ValueLabelsTest {
    private static final double LINE = 13;

    @Test
    void aChartTallEnoughShowsZeroHalfAndTop() {
        List<ChartPanel.ValueLabel> labels = ChartPanel.valueLabels(38, 95, LINE);
        assertThat(labels).extracting(ChartPanel.ValueLabel::fraction).containsExactly(0.0, 0.5, 1.0);
    }

    @Test
    void aLowChartDropsLabelsRatherThanOverlapThem() {
        // The 25 px plot of the issue: "100 %", "50 %" and "0 %" were drawn over each other.
        assertThat(ChartPanel.valueLabels(38, 63, LINE)).extracting(ChartPanel.ValueLabel::fraction)
                .containsExactly(0.0, 1.0);
        for (double bottom = 38; bottom < 300; bottom += 0.5) {
            List<ChartPanel.ValueLabel> labels = ChartPanel.valueLabels(38, bottom, LINE);
            assertThat(labels).isNotEmpty();
            for (int i = 1; i < labels.size(); i++) {
                assertThat(labels.get(i - 1).y() - labels.get(i).y()).as("plot to %s", bottom)
                        .isGreaterThanOrEqualTo(LINE);
            }
        }
    }
}
