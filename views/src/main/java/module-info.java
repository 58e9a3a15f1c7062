/**
 * The Vitals views: JavaFX controls that lay out and paint the model's query results on
 * viewport-sized canvases, and render them to PNG without a window. Never imports the attach module.
 */
module dev.vitals.views {
    requires transitive javafx.controls;
    requires transitive dev.vitals.model;

    exports dev.vitals.views;
    exports dev.vitals.views.flame;
    exports dev.vitals.views.chart;
    exports dev.vitals.views.events;
    exports dev.vitals.views.heatmap;
    exports dev.vitals.views.timeline;
}
