package dev.vitals.model.finding;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.SampleKind;
import dev.vitals.model.query.EventSelector;
import dev.vitals.model.query.Selection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The selection that shows a finding's evidence in a profile: its span (else the whole
 * recording), its threads (matched by name), its event type when the profile holds that type's
 * samples or interval events (else CPU samples, or allocation samples for an allocation rule), and
 * its frame when the profile knows that method. What the profile does not hold is left open
 * rather than selecting nothing.
 */
public final class EvidenceSelection {
    private EvidenceSelection() {
    }

    /** The selection showing {@code finding}'s evidence in {@code snapshot}. */
    public static Selection of(Finding finding, ProfileSnapshot snapshot) {
        Evidence e = finding.evidence();
        Selection s = Selection.of(events(finding, snapshot));
        if (e.hasSpan()) {
            s = s.withRange(e.fromNanos(), Math.max(e.toNanos(), e.fromNanos() + 1_000_000L));
        }
        s = s.withThreads(threads(e.threads(), snapshot));
        return hasMethod(snapshot, e.frame()) ? s.withFrameFilter(e.frame()) : s;
    }

    /** The thread indices of the named threads ({@code empty}: all threads, also when none is found). */
    public static Set<Integer> threads(List<String> names, ProfileSnapshot snapshot) {
        Set<String> wanted = new HashSet<>(names);
        Set<Integer> indices = new TreeSet<>();
        for (int t = 0; t < snapshot.threads().length() && !wanted.isEmpty(); t++) {
            if (wanted.contains(snapshot.threads().name(t))) {
                indices.add(t);
            }
        }
        return indices;
    }

    private static EventSelector events(Finding finding, ProfileSnapshot snapshot) {
        String type = finding.evidence().eventType();
        if (type != null && (snapshot.samples(type) != null || snapshot.intervals().typeIndexOf(type) >= 0)) {
            return new EventSelector.OfType(type);
        }
        boolean allocation = finding.ruleId().startsWith("Allocations") && !snapshot.samples(SampleKind.ALLOCATION)
                .isEmpty();
        return new EventSelector.OfKind(allocation ? SampleKind.ALLOCATION : SampleKind.CPU);
    }

    private static boolean hasMethod(ProfileSnapshot snapshot, String frame) {
        if (frame == null) {
            return false;
        }
        for (int m = 0; m < snapshot.methods().length(); m++) {
            if (snapshot.methods().frameName(m).equals(frame)) {
                return true;
            }
        }
        return false;
    }
}
