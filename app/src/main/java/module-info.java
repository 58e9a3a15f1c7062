/** The Vitals application: the command line and the desktop workstation. */
module dev.vitals.app {
    requires dev.vitals.model;
    requires dev.vitals.attach;
    requires dev.vitals.views;
    requires dev.vitals.analysis;
    requires info.picocli;
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires java.prefs;
    requires jdk.management;
    requires atlantafx.base;

    opens dev.vitals.app.cli to info.picocli;
    exports dev.vitals.app.ui to javafx.graphics;
}
