package dev.vitals.attach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsProfileTest {

    @Test
    void defaultIsLowOverheadAndDetailedSamplesMore() {
        SettingsProfile defaults = SettingsProfile.defaults();
        assertThat(defaults.settings())
                .containsEntry("jdk.ExecutionSample#period", "20 ms")
                .containsEntry("jdk.NativeMethodSample#enabled", "true")
                .containsEntry("jdk.ThreadPark#threshold", "10 ms")
                .containsEntry("jdk.SocketRead#threshold", "10 ms")
                .containsEntry("jdk.CPULoad#period", "1 s")
                .containsEntry("jdk.GarbageCollection#enabled", "true")
                .containsEntry("jdk.ObjectAllocationSample#enabled", "true")
                .containsEntry("jdk.ObjectAllocationSample#throttle", "20/s")
                .containsEntry("jdk.SafepointBegin#threshold", "10 ms")
                .doesNotContainKey("jdk.ThreadCPULoad#enabled")
                // per-GC detail, which JMC's GC rules read, costs nothing OverheadBench resolves (bench/RESULTS.md)
                .containsEntry("jdk.GCPhasePauseLevel1#threshold", "0 ms")
                .containsEntry("jdk.GCCPUTime#enabled", "true")
                .containsEntry("jdk.G1MMU#enabled", "true")
                .containsEntry("jdk.MetaspaceSummary#enabled", "true");
        SettingsProfile detailed = SettingsProfile.builtIn("detailed");
        assertThat(detailed.settings())
                .containsEntry("jdk.ExecutionSample#period", "10 ms")
                .containsEntry("jdk.ObjectAllocationSample#throttle", "300/s")
                .containsEntry("jdk.ThreadCPULoad#enabled", "true")
                .containsEntry("jdk.ThreadPark#threshold", "2 ms")
                .containsEntry("jdk.GCPhasePauseLevel1#enabled", "true")
                .containsEntry("jdk.GCCPUTime#enabled", "true")
                .containsEntry("jdk.G1MMU#enabled", "true")
                .containsEntry("jdk.MetaspaceSummary#enabled", "true");
    }

    @Test
    void userJfcAndChanges(@TempDir Path dir) throws Exception {
        Path jfc = Files.writeString(dir.resolve("mine.jfc"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="mine">
                  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">5 ms</setting></event>
                </configuration>
                """);
        SettingsProfile mine = SettingsProfile.resolve(jfc.toString());
        assertThat(mine.name()).isEqualTo("mine.jfc");
        assertThat(mine.settings()).containsEntry("jdk.ExecutionSample#period", "5 ms");
        assertThat(mine.with(SettingsProfile.methodTrace("a.B::c")).settings())
                .containsEntry("jdk.ExecutionSample#period", "5 ms")
                .containsEntry("jdk.MethodTrace#filter", "a.B::c");
        assertThat(SettingsProfile.resolve("detailed").name()).isEqualTo("detailed");
        assertThatThrownBy(() -> SettingsProfile.builtIn("fast")).hasMessageContaining("no built-in settings profile 'fast'");
    }
}
