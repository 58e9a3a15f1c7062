package dev.vitals.model.alert;

import dev.vitals.model.session.AlertRule;
import java.util.HashSet;
import java.util.Set;

/**
 * Consecutive firings of one {@link AlertRule} as one episode: the span from the first firing's
 * start to the last one's end, how many firings it holds, the worst value and every thread
 * concerned. Made by {@link AlertEpisodes}.
 *
 * @param rule      the rule that fired
 * @param fromNanos start of the first firing, epoch nanos
 * @param toNanos   end of the last firing
 * @param count     the firings merged, at least 1
 * @param worst     the largest value measured (percent or milliseconds, as {@link AlertEvent#value()})
 * @param threads   the threads of all its firings, empty if one of them concerned all threads
 */
public record AlertEpisode(AlertRule rule, long fromNanos, long toNanos, int count, double worst, Set<Integer> threads) {
    public AlertEpisode {
        if (toNanos < fromNanos || count < 1) {
            throw new IllegalArgumentException("an episode spans at least one firing");
        }
        threads = Set.copyOf(threads);
    }

    /** The episode of one firing. */
    static AlertEpisode of(AlertEvent firing) {
        return new AlertEpisode(firing.rule(), firing.fromNanos(), firing.toNanos(), 1, firing.value(), firing.threads());
    }

    /** This episode extended by a later firing of its rule. */
    AlertEpisode with(AlertEvent firing) {
        Set<Integer> all = new HashSet<>(threads);
        all.addAll(firing.threads());
        return new AlertEpisode(rule, Math.min(fromNanos, firing.fromNanos()), Math.max(toNanos, firing.toNanos()),
                count + 1, Math.max(worst, firing.value()),
                threads.isEmpty() || firing.threads().isEmpty() ? Set.of() : all);
    }

    /** One line for a marker or a notification: "Slow requests: p99 300.4 ms" or "Slow requests ×3: worst p99 310.0 ms". */
    public String headline() {
        String value = new AlertEvent(rule, fromNanos, toNanos, worst, Set.of()).valueText();
        return count == 1 ? rule.name() + ": " + value : rule.name() + " ×" + count + ": worst " + value;
    }
}
