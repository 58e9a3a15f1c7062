package dev.vitals.app.ui;

import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: applies the theme and opens the main window. */
public final class VitalsApplication extends Application {
    static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals");

    @Override
    public void start(Stage stage) {
        Theme.valueOf(PREFERENCES.get("theme", Theme.LIGHT.name())).apply();
        new MainWindow(stage, PREFERENCES).show();
    }

    /**
     * Starts the toolkit and blocks until the last window closes.
     *
     * @throws IllegalStateException with a readable message when there is no display to open a window on
     */
    public static void run() {
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        if (linux && System.getProperty("glass.platform") == null
                && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("there is no display to open the Vitals window on (DISPLAY is not set);"
                    + " the commands in 'vitals --help' work without one");
        }
        Application.launch(VitalsApplication.class);
    }
}
