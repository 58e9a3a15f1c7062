package dev.vitals.app.ui;

import dev.vitals.app.Versions;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Help → About: the versions of Vitals, Java and JavaFX. */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner) {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(owner);
        about.setTitle("About Vitals");
        about.setHeaderText("Vitals " + Versions.vitals());
        about.setContentText("Real-time execution-state telemetry for JVMs.\n\n"
                + "Java " + Versions.java() + "\nJavaFX " + Versions.javafx());
        about.show();
    }
}
