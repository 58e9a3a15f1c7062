package dev.vitals.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The JavaFX application: applies the theme and opens the main window. */
public final class VitalsApplication extends Application {
    static final Preferences PREFERENCES = Preferences.userRoot().node("dev/vitals");

    /** What the window opens at start; set by {@link #run} before the toolkit starts. */
    private static volatile List<Path> filesToOpen = List.of();
    private static volatile List<String> demoCommand;
    /** Seconds after which the window closes by itself, for training runs; 0: stays open. */
    private static volatile int closeAfterSeconds;

    /** Takes files that later {@code vitals open FILE} commands hand over; null if it could not listen. */
    private InstanceHandoff handoff;

    @Override
    public void start(Stage stage) {
        Theme.valueOf(PREFERENCES.get(PreferencesDialog.THEME, Theme.LIGHT.name())).apply();
        MainWindow window = new MainWindow(stage, PREFERENCES);
        window.show();
        try {
            handoff = InstanceHandoff.listen(InstanceHandoff.defaultSocket(), files -> Platform.runLater(() -> {
                files.forEach(window::open);
                stage.toFront();
            }));
        } catch (IOException e) {
            System.err.println("vitals: files opened later start their own window (" + e.getMessage() + ")");
        }
        filesToOpen.forEach(window::open);
        if (demoCommand != null) {
            window.startDemo(demoCommand);
        }
        if (closeAfterSeconds > 0) {
            PauseTransition wait = new PauseTransition(Duration.seconds(closeAfterSeconds));
            wait.setOnFinished(e -> stage.close());
            wait.play();
        }
    }

    @Override
    public void stop() throws IOException {
        if (handoff != null) {
            handoff.close();
        }
    }

    /**
     * Makes the next {@link #run} close its window once it has shown and loaded for a few seconds:
     * the build's training run, which records the classes a real start uses into the AOT cache.
     */
    public static void exitAfterStart() {
        closeAfterSeconds = 5;
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
