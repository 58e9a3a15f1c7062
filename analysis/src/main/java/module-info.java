/**
 * Findings: JDK Mission Control's automated-analysis rules (found through their {@code IRule}
 * service) evaluated over a recording's chunks, turned into Vitals' own immutable records
 * ({@code dev.vitals.model.finding}). Knows nothing of JavaFX; JMC's types stay inside.
 */
module dev.vitals.analysis {
    requires transitive dev.vitals.model;
    requires org.openjdk.jmc.common;
    requires org.openjdk.jmc.flightrecorder;
    requires org.openjdk.jmc.flightrecorder.rules;
    // the rules themselves: an automatic module providing IRule through META-INF/services
    requires org.openjdk.jmc.flightrecorder.rules.jdk;
    // JDK modules JMC's jars and lz4-java use, named here because automatic modules cannot name them
    // (so jlink links them into the packaged runtime)
    requires java.logging;
    requires java.xml;
    requires jdk.unsupported;

    exports dev.vitals.analysis;
}
