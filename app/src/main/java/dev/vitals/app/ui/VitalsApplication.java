package dev.vitals.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: applies the theme and opens the main window. */
public final class VitalsApplication extends Application {
    static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals");

    /** What the window opens at start; set by {@link #run} before the toolkit starts. */
    private static volatile List<Path> filesToOpen = List.of();
    private static volatile List<String> demoCommand;

    @Override
    public void start(Stage stage) {
        Theme.valueOf(PREFERENCES.get("theme", Theme.LIGHT.name())).apply();
        MainWindow window = new MainWindow(stage, PREFERENCES);
        window.show();
        filesToOpen.forEach(window::open);
        if (demoCommand != null) {
            window.startDemo(demoCommand);
        }
    }

    /**
     * Starts the toolkit, opens the window with {@code files} in tabs (and, given the command line
     * of the demo workload, that workload in a live session), and blocks until the last window closes.
     *
     * @throws IllegalStateException with a readable message when there is no display to open a window on
     */
    public static void run(List<Path> files, List<String> demo) {
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        if (linux && System.getProperty("glass.platform") == null
                && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("there is no display to open the Vitals window on (DISPLAY is not set);"
                    + " the commands in 'vitals --help' work without one");
        }
        filesToOpen = List.copyOf(files);
        demoCommand = demo == null ? null : List.copyOf(demo);
        Application.launch(VitalsApplication.class);
    }
}
