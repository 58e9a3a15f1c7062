package dev.vitals.app.ui;

import dev.vitals.model.alert.AlertEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The desktop notification for alerts that fired in new live data: one per batch, naming up to
 * three of them; clicking it calls {@code open} with the newest.
 */
final class AlertNotification {
    /** How long a notification stays. */
    static final Duration SHOWN_FOR = Duration.seconds(12);
    private static final int LISTED = 3;

    private AlertNotification() {
    }

    static void show(Window owner, String session, List<AlertEvent> alerts, Consumer<AlertEvent> open) {
        AlertEvent newest = alerts.getLast();
        String title = alerts.size() == 1 ? "Alert: " + newest.rule().name() : alerts.size() + " alerts";
        String text = alerts.stream().limit(LISTED).map(AlertEvent::headline).collect(Collectors.joining("\n"))
                + (alerts.size() > LISTED ? "\n…" : "") + "\n" + session + " · click to see what ran";
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
