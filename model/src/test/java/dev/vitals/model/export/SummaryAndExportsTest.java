package dev.vitals.model.export;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.Recordings;
import dev.vitals.model.SampleKind;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Measure;
import dev.vitals.model.query.Selection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryAndExportsTest {
    static final List<String> ALL = Recordings.ALL;

    @ParameterizedTest
    @FieldSource("ALL")
    @SuppressWarnings("unchecked")
    void summaryJsonCountsEqualJfrSummaryAndHashLoopIsHottest(String recording) {
        Summary summary = Summary.of(Recordings.snapshot(recording));
        Map<String, Object> json = (Map<String, Object>) Json.parse(summary.toJson());
        assertThat((Map<String, Object>) json.get("events")).isEqualTo(Map.copyOf(Recordings.goldenCounts(recording)));
        assertThat((Long) json.get("durationNanos")).isBetween(3_000_000_000L, 60_000_000_000L);
        List<Map<String, Object>> hot = (List<Map<String, Object>>) json.get("hotMethods");
        assertThat(hot).hasSizeLessThanOrEqualTo(10).isNotEmpty();
        assertThat(hot.getFirst().get("method")).isEqualTo("dev.vitals.demo.Work.hashLoop");
        assertThat((List<Object>) json.get("warnings")).isEmpty();
        assertThat((List<Object>) json.get("threads")).isNotEmpty();
        assertThat(summary.samplesPerKind()).containsKey(SampleKind.CPU);
        assertThat(summary.toText()).contains("dev.vitals.demo.Work.hashLoop", "jdk.ExecutionSample");
    }

    @Test
    void summaryKnowsJdkAndChunks() {
        assertThat(Summary.of(Recordings.snapshot("demo-jdk17-default")).jvmVersion()).contains("17.");
        assertThat(Summary.of(Recordings.snapshot("demo-jdk25-default")).jvmVersion()).contains("25");
        assertThat(Summary.of(Recordings.snapshot("demo-multichunk")).chunkCount()).isEqualTo(2);
        assertThat(Summary.of(Recordings.snapshot("demo-asprof")).samplesPerKind())
                .containsKeys(SampleKind.CPU, SampleKind.ALLOCATION, SampleKind.WALL);
    }

    @Test
    @SuppressWarnings("unchecked")
    void speedscopeHasOneProfilePerThreadAndAllWeight() throws IOException {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        StringBuilder out = new StringBuilder();
        SpeedscopeExport.write(snapshot, Selection.cpu().withMeasure(Measure.COUNT), "demo", out);
        Map<String, Object> doc = (Map<String, Object>) Json.parse(out.toString());
        assertThat(doc.get("$schema")).isEqualTo("https://www.speedscope.app/file-format-schema.json");
        List<Map<String, Object>> frames = (List<Map<String, Object>>) ((Map<String, Object>) doc.get("shared")).get("frames");
        List<Map<String, Object>> profiles = (List<Map<String, Object>>) doc.get("profiles");
        long weight = 0;
        for (Map<String, Object> profile : profiles) {
            assertThat(profile.get("type")).isEqualTo("sampled");
            List<Object> samples = (List<Object>) profile.get("samples");
            List<Object> weights = (List<Object>) profile.get("weights");
            assertThat(samples).hasSameSizeAs(weights);
            for (Object sample : samples) {
                for (Object index : (List<Object>) sample) {
                    assertThat((Long) index).isBetween(0L, frames.size() - 1L);
                }
            }
            weight += weights.stream().mapToLong(w -> (Long) w).sum();
        }
        assertThat(weight).isEqualTo(snapshot.samples("jdk.ExecutionSample").length());
        assertThat(profiles.stream().map(p -> p.get("name"))).contains("worker-1");
        assertThat(frames.stream().map(f -> f.get("name"))).contains("dev.vitals.demo.Work.hashLoop");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonExportTotalsTheSelection() throws IOException {
        ProfileSnapshot snapshot = Recordings.snapshot("demo-jdk25-profile");
        StringBuilder out = new StringBuilder();
        JsonExport.write(snapshot, Selection.of(new EventSelector.OfType("jdk.ObjectAllocationSample")), true, out);
        Map<String, Object> doc = (Map<String, Object>) Json.parse(out.toString());
        long sum = ((List<Map<String, Object>>) doc.get("stacks")).stream().mapToLong(s -> (Long) s.get("value")).sum();
        assertThat(doc.get("total")).isEqualTo(sum);
        assertThat(sum).isGreaterThan(snapshot.samples("jdk.ObjectAllocationSample").length()); // bytes, not counts
        assertThat(out.toString()).contains("dev.vitals.demo.Work.allocate:");
    }

    @Test
    void timeArguments() {
        long start = 1_000_000_000_000L;
        assertThat(TimeArgument.parse("12.5s", start)).isEqualTo(start + 12_500_000_000L);
        assertThat(TimeArgument.parse("1970-01-01T00:00:01.5Z", start)).isEqualTo(1_500_000_000L);
        assertThatThrownBy(() -> TimeArgument.parse("soon", start)).hasMessageContaining("not a time: 'soon'");
    }
}
