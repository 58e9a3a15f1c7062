package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vitals.model.finding.Evidence;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What a live session announces of each evaluation's findings: a finding that appears is announced
 * once, with one notification; the same severity again is not; a worse one is; notifications are
 * limited to one per 30 s (the findings held back counted in the next); with the preference off,
 * findings are still announced (bookmarked) but no notification is shown.
 */
class FindingAnnouncerTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_000 * S;

    @Test
    void aFindingThatAppearsIsNotifiedOnceAndAgainOnlyWhenItWorsens() {
        FindingAnnouncer announcer = new FindingAnnouncer(() -> true);
        Finding blockingInfo = finding("JavaBlocking", FindingSeverity.INFO, 40);

        var first = announcer.next(findings(blockingInfo, finding("GcPauseRatio", FindingSeverity.OK, 2)), T0);
        assertThat(first.appeared()).as("OK findings are not announced").containsExactly(blockingInfo);
        assertThat(first.notification()).isTrue();
        assertThat(first.held()).isZero();

        // 40 s later, the same severity (another score): nothing to announce
        var same = announcer.next(findings(finding("JavaBlocking", FindingSeverity.INFO, 55)), T0 + 40 * S);
        assertThat(same.appeared()).isEmpty();
        assertThat(same.notification()).isFalse();

        // it worsens: announced and notified
        Finding blockingWarning = finding("JavaBlocking", FindingSeverity.WARNING, 80);
        var worse = announcer.next(findings(blockingWarning), T0 + 80 * S);
        assertThat(worse.appeared()).containsExactly(blockingWarning);
        assertThat(worse.notification()).isTrue();

        // it gets better, then worse again: a new episode
        announcer.next(findings(finding("JavaBlocking", FindingSeverity.INFO, 30)), T0 + 120 * S);
        var again = announcer.next(findings(blockingWarning), T0 + 160 * S);
        assertThat(again.appeared()).containsExactly(blockingWarning);
        assertThat(again.notification()).isTrue();
    }

    @Test
    void notificationsAreLimitedToOneIn30SecondsAndTheNextSaysHowManyWereHeldBack() {
        FindingAnnouncer announcer = new FindingAnnouncer(() -> true);
        assertThat(announcer.next(findings(finding("A", FindingSeverity.INFO, 30)), T0).notification()).isTrue();

        // the next evaluation, 20 s later, finds two more: announced (bookmarked), not notified
        var held = announcer.next(findings(finding("A", FindingSeverity.INFO, 30), finding("B", FindingSeverity.WARNING, 90),
                finding("C", FindingSeverity.INFO, 26)), T0 + 20 * S);
        assertThat(held.appeared()).extracting(Finding::ruleId).containsExactly("B", "C");
        assertThat(held.notification()).isFalse();

        // 40 s after the first notification a new one may come, and tells of the two held back
        var next = announcer.next(findings(finding("A", FindingSeverity.WARNING, 80), finding("B", FindingSeverity.WARNING, 90),
                finding("C", FindingSeverity.INFO, 26)), T0 + 40 * S);
        assertThat(next.appeared()).extracting(Finding::ruleId).containsExactly("A");
        assertThat(next.notification()).isTrue();
        assertThat(next.held()).isEqualTo(2);
    }

    @Test
    void withThePreferenceOffFindingsAreAnnouncedWithoutANotificationAndTurningItOnTakesEffectAtTheNext() {
        AtomicBoolean wanted = new AtomicBoolean(false);
        FindingAnnouncer announcer = new FindingAnnouncer(wanted::get);
        Finding slow = finding("vitals.SlowEvents", FindingSeverity.WARNING, 75);

        var off = announcer.next(findings(slow), T0);
        assertThat(off.appeared()).containsExactly(slow);
        assertThat(off.notification()).isFalse();

        wanted.set(true);
        var on = announcer.next(findings(slow, finding("JavaBlocking", FindingSeverity.INFO, 40)), T0 + 20 * S);
        assertThat(on.appeared()).extracting(Finding::ruleId).containsExactly("JavaBlocking");
        assertThat(on.notification()).isTrue();
        assertThat(on.held()).as("nothing was held back while notifications were off").isZero();
    }

    private static Findings findings(Finding... findings) {
        return new Findings(List.of(findings), List.of(), 0, 120 * S);
    }

    private static Finding finding(String ruleId, FindingSeverity severity, double score) {
        return new Finding(ruleId, ruleId + " rule", "", severity, score, ruleId + " scored " + score, "", "", Evidence.NONE);
    }
}
