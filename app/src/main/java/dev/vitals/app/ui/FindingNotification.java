package dev.vitals.app.ui;

import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * The desktop notification for findings that appeared or worsened in a live evaluation (one per
 * {@link FindingAnnouncer.Announcement} that asks for it): the worst first, up to three, and how
 * many were held back since the last one; clicking it calls {@code open} with the worst.
 */
final class FindingNotification {
    private FindingNotification() {
    }

    static void show(Window owner, String session, List<Finding> findings, int held, Consumer<Finding> open) {
        Finding worst = findings.getFirst();
        String title = findings.size() == 1 ? "Finding: " + worst.name() : findings.size() + " new findings";
        DesktopNotification.show(owner, title, findings.stream().map(f -> f.severity().label() + ": " + f.summary()).toList(),
                held, "the Findings tab", session + " · click to see the evidence",
                worst.severity() == FindingSeverity.WARNING, () -> open.accept(worst));
    }
}
