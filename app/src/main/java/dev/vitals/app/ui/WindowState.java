package dev.vitals.app.ui;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the main window's size, position and maximised state between runs, and restores them
 * within the screens there are now: a size remembered from a larger screen shrinks to fit, so the
 * status bar and the controls at the window's edges stay on screen.
 */
final class WindowState {
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Preferences preferences;

    WindowState(Preferences preferences) {
        this.preferences = preferences;
    }

    /** Puts the stage where it was last time, moved and shrunk as needed to lie within a screen. */
    void restore(Stage stage) {
        Rectangle2D saved = new Rectangle2D(preferences.getDouble("window.x", Double.NaN),
                preferences.getDouble("window.y", Double.NaN), preferences.getDouble("window.width", DEFAULT_WIDTH),
                preferences.getDouble("window.height", DEFAULT_HEIGHT));
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D bounds = fit(saved, screens, Screen.getPrimary().getVisualBounds());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMaximized(preferences.getBoolean("window.maximized", false));
    }

    /**
     * Where a window remembered at {@code saved} (its x and y NaN when there is no place to keep) goes
     * now: on the screen it overlaps most, else {@code primary}, no larger than that screen's usable
     * area and moved inside it; a window without a place is centred.
     */
    static Rectangle2D fit(Rectangle2D saved, List<Rectangle2D> screens, Rectangle2D primary) {
        boolean placed = !Double.isNaN(saved.getMinX()) && !Double.isNaN(saved.getMinY());
        Rectangle2D screen = primary;
        double bestOverlap = 0;
        for (Rectangle2D s : placed ? screens : List.<Rectangle2D>of()) {
            double overlap = overlap(saved, s);
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                screen = s;
            }
        }
        double width = Math.min(saved.getWidth(), screen.getWidth());
        double height = Math.min(saved.getHeight(), screen.getHeight());
        double x = placed ? saved.getMinX() : screen.getMinX() + (screen.getWidth() - width) / 2;
        double y = placed ? saved.getMinY() : screen.getMinY() + (screen.getHeight() - height) / 2;
        x = Math.max(screen.getMinX(), Math.min(screen.getMaxX() - width, x));
        y = Math.max(screen.getMinY(), Math.min(screen.getMaxY() - height, y));
        return new Rectangle2D(x, y, width, height);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    void save(Stage stage) {
        preferences.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            preferences.putDouble("window.x", stage.getX());
            preferences.putDouble("window.y", stage.getY());
            preferences.putDouble("window.width", stage.getWidth());
            preferences.putDouble("window.height", stage.getHeight());
        }
    }
}
