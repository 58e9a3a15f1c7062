package dev.vitals.app.ui.findings;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.finding.EvidenceSelection;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import dev.vitals.views.TimeMarker;
import java.util.List;

/** The time views' markers of findings: one per finding at least {@code min} severe that has a span. */
public final class FindingMarkers {
    private FindingMarkers() {
    }

    public static List<TimeMarker> of(Findings findings, FindingSeverity min, ProfileSnapshot snapshot) {
        if (findings == null) {
            return List.of();
        }
        return findings.atLeast(min).stream().filter(f -> f.evidence().hasSpan()).map(f -> marker(f, snapshot))
                .toList();
    }

    static TimeMarker marker(Finding f, ProfileSnapshot snapshot) {
        return new TimeMarker(f.evidence().fromNanos(), f.evidence().toNanos(), f.name(), TimeMarker.Kind.FINDING,
                EvidenceSelection.threads(f.evidence().threads(), snapshot));
    }
}
