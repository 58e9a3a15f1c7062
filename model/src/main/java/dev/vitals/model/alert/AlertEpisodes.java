package dev.vitals.model.alert;

import dev.vitals.model.session.AlertRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a rule's consecutive firings into episodes as they arrive: a firing of a rule that starts
 * at most {@link #GAP_NANOS} after the end of the rule's latest episode extends it; any other
 * starts a new one. One second joins the adjacent windows a rule fires in while a condition lasts
 * (windows are aligned end to end), while firings with a quiet stretch between them (the demo's
 * 300 ms spike every few seconds) stay apart. Not thread-safe: one owner adds.
 */
public final class AlertEpisodes {
    /** The longest quiet stretch inside one episode. */
    public static final long GAP_NANOS = 1_000_000_000L;

    private final List<AlertEpisode> episodes = new ArrayList<>();
    /** Per rule (by name), the index of its latest episode in {@link #episodes}. */
    private final Map<String, Integer> latest = new HashMap<>();

    /**
     * Adds firings (in any order within the batch; each is merged by its start time) and returns the
     * episodes they started, in the order they started: what deserves a notification.
     */
    public List<AlertEpisode> add(List<AlertEvent> firings) {
        List<AlertEvent> sorted = new ArrayList<>(firings);
        sorted.sort(Comparator.comparingLong(AlertEvent::fromNanos));
        List<Integer> started = new ArrayList<>();
        for (AlertEvent firing : sorted) {
            AlertRule rule = firing.rule();
            Integer index = latest.get(rule.name());
            AlertEpisode last = index == null ? null : episodes.get(index);
            if (last != null && last.rule().equals(rule) && firing.fromNanos() <= last.toNanos() + GAP_NANOS) {
                episodes.set(index, last.with(firing));
            } else {
                episodes.add(AlertEpisode.of(firing));
                latest.put(rule.name(), episodes.size() - 1);
                started.add(episodes.size() - 1);
            }
        }
        return started.stream().map(episodes::get).toList();
    }

    /** The episodes so far, in the order they started. */
    public List<AlertEpisode> episodes() {
        return List.copyOf(episodes);
    }

    /** Forgets every episode (the rules changed and are evaluated again). */
    public void clear() {
        episodes.clear();
        latest.clear();
    }
}
