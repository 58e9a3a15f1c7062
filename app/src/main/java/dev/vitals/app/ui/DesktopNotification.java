package dev.vitals.app.ui;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * A desktop notification of what new live data brought (alert episodes, findings): a title, up to
 * three lines, how many were held back since the last one (by a {@link NotificationLimit}), and the
 * session with what a click does.
 */
final class DesktopNotification {
    /** How long a notification stays. */
    static final Duration SHOWN_FOR = Duration.seconds(12);
    private static final int LISTED = 3;

    private DesktopNotification() {
    }

    /**
     * @param held      how many were held back since the last notification of this kind
     * @param heldWhere where the held-back ones are seen ("the red ticks over the views")
     * @param footer    the session and what a click does
     * @param warning   shown as a warning, else as information
     */
    static void show(Window owner, String title, List<String> lines, int held, String heldWhere, String footer,
                     boolean warning, Runnable open) {
        String text = lines.stream().limit(LISTED).collect(Collectors.joining("\n"))
                + (lines.size() > LISTED ? "\n…" : "")
                + (held > 0 ? "\n" + held + " more since the last notice (" + heldWhere + ")" : "")
                + "\n" + footer;
        Notifications notification = Notifications.create()
                .owner(owner)
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .onAction(e -> open.run());
        if (warning) {
            notification.showWarning();
        } else {
            notification.showInformation();
        }
    }
}
