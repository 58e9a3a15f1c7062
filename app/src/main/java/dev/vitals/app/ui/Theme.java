package dev.vitals.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The application's look: AtlantaFX's Primer theme, light or dark. */
public enum Theme {
    LIGHT,
    DARK;

    /** Applies the theme to every window of the application. Call on the FX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(switch (this) {
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
            case DARK -> new PrimerDark().getUserAgentStylesheet();
        });
    }
}
