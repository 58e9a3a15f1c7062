package dev.vitals.model.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.Recordings;
import dev.vitals.model.session.AlertRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Consecutive firings of a rule become one episode; a quiet stretch starts another. */
class AlertEpisodesTest {
    private static final long S = 1_000_000_000L;
    private static final AlertRule CPU = new AlertRule.CpuAbove("High CPU", true, 90, 1);
    private static final AlertRule GC = new AlertRule.GcPauseAbove("Long GC pause", true, 200);

    private static AlertEvent cpu(long from, long to, double value, Integer... threads) {
        return new AlertEvent(CPU, from * S, to * S, value, Set.of(threads));
    }

    @Test
    void consecutiveFiringsOfARuleMergeIntoOneEpisodeWithTheirCountSpanAndWorstValue() {
        AlertEpisodes episodes = new AlertEpisodes();
        List<AlertEpisode> started = episodes.add(List.of(cpu(0, 1, 95), cpu(1, 2, 99)));
        assertThat(started).hasSize(1);
        assertThat(episodes.add(List.of(cpu(2, 3, 92)))).as("continues the episode: no new one").isEmpty();
        assertThat(episodes.add(List.of(new AlertEvent(GC, 2 * S + 5, 2 * S + 9, 250, Set.of()))))
                .as("another rule's firing starts its own episode").hasSize(1);
        assertThat(episodes.add(List.of(cpu(3, 4, 91)))).as("the other rule does not break this one").isEmpty();

        AlertEpisode merged = episodes.episodes().getFirst();
        assertThat(merged.fromNanos()).isEqualTo(0);
        assertThat(merged.toNanos()).isEqualTo(4 * S);
        assertThat(merged.count()).isEqualTo(4);
        assertThat(merged.worst()).isEqualTo(99);
        assertThat(merged.headline()).isEqualTo("High CPU ×4: worst 99 %");
        assertThat(episodes.episodes()).hasSize(2);
    }

    @Test
    void aQuietStretchLongerThanTheGapStartsANewEpisode() {
        AlertEpisodes episodes = new AlertEpisodes();
        episodes.add(List.of(cpu(0, 1, 95, 3)));
        assertThat(episodes.add(List.of(cpu(3, 4, 96, 4)))).hasSize(1);
        assertThat(episodes.episodes()).extracting(AlertEpisode::count).containsExactly(1, 1);
        assertThat(episodes.episodes().getFirst().headline()).isEqualTo("High CPU: 95 %");
        episodes.clear();
        assertThat(episodes.episodes()).isEmpty();
    }

    @Test
    void mergedThreadsAreTheUnionUnlessAFiringConcernedAllThreads() {
        AlertEpisodes episodes = new AlertEpisodes();
        episodes.add(List.of(cpu(0, 1, 95, 1), cpu(1, 2, 95, 2)));
        assertThat(episodes.episodes().getFirst().threads()).containsExactlyInAnyOrder(1, 2);
        episodes.add(List.of(cpu(2, 3, 95)));
        assertThat(episodes.episodes().getFirst().threads()).isEmpty();
    }

    @Test
    void theDemoSpikesTwoSecondsApartAreThreeEpisodes() {
        List<AlertEvent> fired = AlertEvaluator.evaluate(Recordings.snapshot("demo-jdk25-default"), AlertRule.defaults());
        AlertEpisodes episodes = new AlertEpisodes();
        assertThat(episodes.add(fired)).hasSize(3).allSatisfy(e -> assertThat(e.count()).isEqualTo(1));
    }
}
