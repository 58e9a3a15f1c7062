package dev.vitals.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The application's look: AtlantaFX's Primer theme, light or dark, for the controls, and a stylesheet
 * of ours ({@code light.css}, {@code dark.css}) with the colours the canvas views paint with
 * ({@code ViewColours}), added to each window's scene.
 */
public enum Theme {
    LIGHT,
    DARK;

    /** Applies the theme to every window of the application. Call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(switch (this) {
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
            case DARK -> new PrimerDark().getUserAgentStylesheet();
        });
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null) {
                style(window.getScene());
            }
        }
    }

    /** Gives a scene this theme's view colours, in place of the other theme's. */
    public void style(Scene scene) {
        List<String> ours = Arrays.stream(values()).map(Theme::stylesheet).toList();
        scene.getStylesheets().removeAll(ours);
        scene.getStylesheets().add(stylesheet());
    }

    private String stylesheet() {
        return Theme.class.getResource(name().toLowerCase(Locale.ROOT) + ".css").toExternalForm();
    }
}
