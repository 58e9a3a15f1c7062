package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.alert.AlertEpisode;
import dev.vitals.model.alert.AlertEvent;
import dev.vitals.model.session.AlertRule;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.Bookmark.Origin;
import dev.vitals.model.session.SessionManifest;
import dev.vitals.views.TimeMarker;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A session's alerts become one marker per episode, not one per firing; the bookmarks a rule made
 * draw no marker of their own and are found by the rule's name, to go with the rule.
 */
class SessionAnnotationsTest {
    private static final long S = 1_000_000_000L;
    private static final AlertRule SLOW = AlertRule.defaults().get(3);
    private static final AlertRule BLOCKED = AlertRule.defaults().get(4);

    @Test
    void consecutiveFiringsDrawOneMarkerWithTheirCountAndAQuietStretchStartsAnother() {
        SessionAnnotations annotations = new SessionAnnotations(null, AlertRule.defaults());
        List<AlertEpisode> first = annotations.addAlerts(List.of(new AlertEvent(SLOW, 0, S, 300, Set.of(7))));
        assertThat(first).hasSize(1);
        assertThat(annotations.addAlerts(List.of(new AlertEvent(SLOW, S, 2 * S, 310, Set.of(7))))).isEmpty();
        assertThat(annotations.addAlerts(List.of(new AlertEvent(SLOW, 6 * S, 7 * S, 305, Set.of(7))))).hasSize(1);
        assertThat(annotations.alerts()).hasSize(3);
        List<TimeMarker> markers = annotations.markersProperty().get();
        assertThat(markers).extracting(TimeMarker::label)
                .containsExactly("Slow requests ×2: worst p99 310.0 ms", "Slow requests: p99 305.0 ms");
        assertThat(markers.getFirst().toNanos()).isEqualTo(2 * S);

        annotations.clearAlerts();
        assertThat(annotations.markersProperty().get()).isEmpty();
        assertThat(annotations.episodes()).isEmpty();
    }

    @Test
    void bookmarksARuleMadeAreFoundByItsNameAndDrawNoMarkerOfTheirOwn() {
        SessionAnnotations annotations = new SessionAnnotations(null, AlertRule.defaults());
        Bookmark made = new Bookmark(0, S, "Slow requests: p99 300.0 ms", Origin.alertRule(SLOW.name()));
        Bookmark other = new Bookmark(3 * S, 4 * S, "Blocked thread: 600.0 ms", Origin.alertRule(BLOCKED.name()));
        Bookmark found = new Bookmark(4 * S, 5 * S, "Finding: Lock contention", Origin.finding("JavaBlocking"));
        Bookmark mine = new Bookmark(5 * S, 6 * S, "mine");
        Bookmark mineNamedLikeAFinding = new Bookmark(6 * S, 7 * S, "Finding: Lock contention");
        annotations.bookmarks().addAll(made, other, found, mine, mineNamedLikeAFinding);
        assertThat(annotations.ruleBookmarks(Set.of(SLOW.name()))).containsExactly(made);
        assertThat(annotations.ruleBookmarks(Set.of("no such rule"))).isEmpty();
        assertThat(annotations.markersProperty().get()).extracting(TimeMarker::label)
                .containsExactly("mine", "Finding: Lock contention");
        assertThat(annotations.markersProperty().get().getLast().fromNanos()).isEqualTo(6 * S);
    }

    @Test
    void aSavedSessionsRuleBookmarksStillGoWithTheirRule() { // the origin's saving: SessionTest
        Bookmark made = new Bookmark(0, S, "Slow requests: p99 300.0 ms", Origin.alertRule(SLOW.name()));
        Bookmark mine = new Bookmark(2 * S, 3 * S, "mine");
        SessionManifest saved = SessionManifest.empty("test").withAnnotations(List.of(made, mine), AlertRule.defaults(), "");
        SessionAnnotations reopened = new SessionAnnotations(saved, List.of());
        assertThat(reopened.ruleBookmarks(Set.of(SLOW.name()))).containsExactly(made);
        assertThat(reopened.markersProperty().get()).extracting(TimeMarker::label).containsExactly("mine");
    }
}
