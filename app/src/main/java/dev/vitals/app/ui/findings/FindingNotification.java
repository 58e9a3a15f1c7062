package dev.vitals.app.ui.findings;

import dev.vitals.model.finding.Finding;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The desktop notification for findings that appeared or worsened while live: one per evaluation,
 * naming up to three (worst first); clicking it calls {@code open} with the worst.
 */
public final class FindingNotification {
    private static final Duration SHOWN_FOR = Duration.seconds(12);
    private static final int LISTED = 3;

    private FindingNotification() {
    }

    public static void show(Window owner, String session, List<Finding> findings, Consumer<Finding> open) {
        Finding worst = findings.getFirst();
        String title = findings.size() == 1 ? "Finding: " + worst.name() : findings.size() + " new findings";
        String text = findings.stream().limit(LISTED).map(f -> f.severity().label() + ": " + f.summary())
                .collect(Collectors.joining("\n")) + (findings.size() > LISTED ? "\n…" : "") + "\n" + session
                + " · click to see the evidence";
        Notifications.create()
                .owner(owner)
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .onAction(e -> open.accept(worst))
                .showInformation();
    }
}
