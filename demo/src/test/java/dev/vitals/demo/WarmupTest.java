package dev.vitals.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code --warmup D}: the workload runs D longer and leaves it out of its ops/s figure. */
class WarmupTest {
    @Test
    void warmupIsParsedAndValidated() {
        assertThat(DemoWorkload.Options.parse(new String[] {"--warmup", "10s"}).warmup).isEqualTo(Duration.ofSeconds(10));
        assertThat(DemoWorkload.Options.parse(new String[0]).warmup).isNull();
        assertThatThrownBy(() -> DemoWorkload.Options.parse(new String[] {"--warmup", "soon"}))
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void theRunLastsTheWarmupPlusTheDuration() throws Exception {
        long start = System.nanoTime();
        new DemoWorkload(DemoWorkload.Options.parse(new String[] {"--duration", "400ms", "--warmup", "600ms"})).run();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }
}
