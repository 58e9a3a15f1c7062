package dev.vitals.packaging;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * Test-only check that JavaFX works from the linked runtime of the app-image: it shows a window
 * titled {@value #TITLE} and prints {@code fx-check: window shown} once the window is on screen;
 * with the argument {@code --exit-when-shown} it then exits (to time the start to a first window).
 * {@code dist-test.sh} runs it with the runtime's own {@code java} under Xvfb, finds the window,
 * ends the process, and checks that JavaFX loaded its native libraries from the runtime, unpacking
 * nothing into the home folder. Never part of the application.
 */
public final class FxCheck extends Application {
    static final String TITLE = "Vitals FX check";

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle(TITLE);
        stage.setScene(new Scene(new Label("JavaFX " + System.getProperty("javafx.runtime.version")), 320, 120));
        boolean exitWhenShown = getParameters().getRaw().contains("--exit-when-shown");
        stage.setOnShown(event -> {
            System.out.println("fx-check: window shown");
            if (exitWhenShown) {
                Platform.runLater(Platform::exit);
            }
        });
        stage.show();
    }
}
