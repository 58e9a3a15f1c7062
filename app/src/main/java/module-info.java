/** The Vitals application: the command line and (with the views) the desktop workstation. */
module dev.vitals.app {
    requires info.picocli;

    opens dev.vitals.app.cli to info.picocli;
}
