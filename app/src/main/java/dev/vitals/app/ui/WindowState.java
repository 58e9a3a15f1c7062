package dev.vitals.app.ui;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the main window's size, position and maximised state between runs. */
final class WindowState {
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    private final Preferences preferences;

    WindowState(Preferences preferences) {
        this.preferences = preferences;
    }

    /** Puts the stage where it was last time, if that place is still on a screen. */
    void restore(Stage stage) {
        double x = preferences.getDouble("window.x", Double.NaN);
        double y = preferences.getDouble("window.y", Double.NaN);
        double width = preferences.getDouble("window.width", DEFAULT_WIDTH);
        double height = preferences.getDouble("window.height", DEFAULT_HEIGHT);
        stage.setWidth(width);
        stage.setHeight(height);
        if (!Double.isNaN(x) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(preferences.getBoolean("window.maximized", false));
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
