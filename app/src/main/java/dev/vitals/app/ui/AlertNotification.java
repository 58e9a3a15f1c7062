package dev.vitals.app.ui;

import dev.vitals.model.alert.AlertEpisode;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * The desktop notification for alert episodes that started in new live data: one per batch (the
 * batches limited by a {@link NotificationLimit}), naming up to three of them and how many were
 * held back since the last one; clicking it calls {@code open} with the newest.
 */
final class AlertNotification {
    private AlertNotification() {
    }

    static void show(Window owner, String session, List<AlertEpisode> alerts, int held, Consumer<AlertEpisode> open) {
        AlertEpisode newest = alerts.getLast();
        String title = alerts.size() == 1 ? "Alert: " + newest.rule().name() : alerts.size() + " alerts";
        DesktopNotification.show(owner, title, alerts.stream().map(AlertEpisode::headline).toList(), held,
                "the red ticks over the views", session + " · click to see what ran", true, () -> open.accept(newest));
    }
}
