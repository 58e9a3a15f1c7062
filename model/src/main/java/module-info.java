/**
 * The Vitals profile model: columnar interned tables, the JFR importer, queries over snapshots,
 * sessions and exports. Knows nothing of JavaFX or JMX.
 */
module dev.vitals.model {
    requires transitive jdk.jfr;
    // LZ4-compressed recordings (lz4-java, an automatic module)
    requires org.lz4.java;

    exports dev.vitals.model;
    exports dev.vitals.model.query;
    exports dev.vitals.model.jfr;
    exports dev.vitals.model.export;
    exports dev.vitals.model.session;
    exports dev.vitals.model.alert;
    exports dev.vitals.model.finding;
    exports dev.vitals.model.diagnostics;
}
