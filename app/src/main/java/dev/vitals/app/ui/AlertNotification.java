package dev.vitals.app.ui;

import dev.vitals.model.alert.AlertEpisode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The desktop notification for alert episodes that started in new live data: one per batch (the
 * batches limited by a {@link NotificationLimit}), naming up to three of them and how many were
 * held back since the last one; clicking it calls {@code open} with the newest.
 */
final class AlertNotification {
    /** How long a notification stays. */
    static final Duration SHOWN_FOR = Duration.seconds(12);
    private static final int LISTED = 3;

    private AlertNotification() {
    }

    static void show(Window owner, String session, List<AlertEpisode> alerts, int held, Consumer<AlertEpisode> open) {
        AlertEpisode newest = alerts.getLast();
        String title = alerts.size() == 1 ? "Alert: " + newest.rule().name() : alerts.size() + " alerts";
        String text = alerts.stream().limit(LISTED).map(AlertEpisode::headline).collect(Collectors.joining("\n"))
                + (alerts.size() > LISTED ? "\n…" : "")
                + (held > 0 ? "\n" + held + " more since the last notice (the red ticks over the views)" : "")
                + "\n" + session + " · click to see what ran";
        Notifications.create()
                .owner(owner)
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .onAction(e -> open.accept(newest))
                .showWarning();
    }
}
