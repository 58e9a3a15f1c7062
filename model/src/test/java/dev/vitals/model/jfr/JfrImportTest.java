package dev.vitals.model.jfr;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.SampleKind;
import dev.vitals.model.SampleTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

class JfrImportTest {
    static final java.util.List<String> ALL = Recordings.ALL;

    @ParameterizedTest
    @FieldSource("ALL")
    void eventCountsEqualJfrSummary(String name) {
        ProfileSnapshot snapshot = Recordings.snapshot(name);
        assertThat(snapshot.info().eventCounts()).isEqualTo(Recordings.goldenCounts(name));
        assertThat(snapshot.info().warnings()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void samplesAreSortedWithinSegmentsAndReferenceValidRows(String name) {
        ProfileSnapshot snapshot = Recordings.snapshot(name);
        SampleTable cpu = snapshot.samples("jdk.ExecutionSample");
        assertThat(cpu).isNotNull();
        assertThat(cpu.kind()).isEqualTo(SampleKind.CPU);
        assertThat((long) cpu.length()).isEqualTo(snapshot.info().eventCounts().get("jdk.ExecutionSample"));
        long[] inRange = {0};
        cpu.segments().forEachRange(Long.MIN_VALUE, Long.MAX_VALUE, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (i > from) {
                    assertThat(cpu.time(i)).isGreaterThanOrEqualTo(cpu.time(i - 1));
                }
                assertThat(cpu.thread(i)).isBetween(0, snapshot.threads().length() - 1);
                assertThat(cpu.stack(i)).isBetween(-1, snapshot.stacks().length() - 1);
            }
            inRange[0] += to - from;
        });
        assertThat(inRange[0]).isEqualTo(cpu.length());
        for (int s = 0; s < snapshot.stacks().length(); s++) {
            assertThat(snapshot.stacks().parent(s)).isLessThan(s);
        }
    }
}
