/**
 * Vitals' sources: discovery of local JVMs, JMX connections (local attach and remote), live JFR
 * streaming into the profile model (through a {@link dev.vitals.attach.ModelSink}), and
 * recording control without streaming. Knows nothing of JavaFX.
 */
module dev.vitals.attach {
    requires transitive jdk.jfr;
    requires transitive dev.vitals.model;
    requires transitive java.management;
    requires jdk.attach;
    requires jdk.management.jfr;
    requires jdk.management;
    requires java.management.rmi;
    requires java.rmi;
    requires java.naming;

    exports dev.vitals.attach;
}
