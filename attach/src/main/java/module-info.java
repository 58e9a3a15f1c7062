/**
 * Vitals' sources: discovery of local JVMs, JMX connections (local attach and remote), live JFR
 * streaming into an {@link dev.vitals.attach.EventSink}, and recording control without streaming.
 * Knows nothing of JavaFX or of the profile model's tables.
 */
module dev.vitals.attach {
    requires transitive jdk.jfr;
    requires transitive java.management;
    requires jdk.attach;
    requires jdk.management.jfr;
    requires java.management.rmi;
    requires java.rmi;
    requires java.naming;

    exports dev.vitals.attach;
}
