package dev.vitals.model.export;

import dev.vitals.model.JfrPrint;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CollapsedExportTest {
    static final List<String> ALL = Recordings.ALL;

    private static Selection countOf(String eventType) {
        return Selection.of(new EventSelector.OfType(eventType)).withMeasure(Measure.COUNT);
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void executionSamplesEqualJfrPrint(String recording) {
        Map<String, Long> expected = JfrPrint.collapsed(recording, "jdk.ExecutionSample", false);
        Map<String, Long> actual = CollapsedExport.collapse(Recordings.snapshot(recording),
                countOf("jdk.ExecutionSample"), false);
        assertThat(actual).isNotEmpty().isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"demo-jdk25-profile, jdk.ObjectAllocationSample", "demo-jdk25-profile, jdk.ThreadPark",
            "demo-asprof, jdk.ObjectAllocationInNewTLAB", "demo-asprof, jdk.JavaMonitorEnter",
            "demo-asprof, profiler.WallClockSample", "demo-jdk17-default, jdk.JavaMonitorWait"})
    void otherEventTypesWithLinesEqualJfrPrint(String recording, String eventType) {
        Map<String, Long> expected = JfrPrint.collapsed(recording, eventType, true);
        Map<String, Long> actual = CollapsedExport.collapse(Recordings.snapshot(recording), countOf(eventType), true);
        assertThat(actual).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void writesSortedLinesWithCounts() throws IOException {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        StringBuilder out = new StringBuilder();
        CollapsedExport.write(snapshot, countOf("jdk.ExecutionSample"), false, out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).isSorted();
        long total = Arrays.stream(lines).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(total).isEqualTo(snapshot.samples("jdk.ExecutionSample").length());
        assertThat(out.toString()).contains("dev.vitals.demo.Work.hashLoop");
    }
}
