package dev.vitals.demo;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One request handled by the demo workload, with its duration; Vitals shows these in the latency heatmap. */
@Name("dev.vitals.demo.Request")
@Label("Request")
@Category({"Vitals demo"})
@Description("A request handled by the demo workload")
@StackTrace(true)
final class Request extends Event {
    @Label("Request id")
    long requestId;

    @Label("Endpoint")
    String endpoint;

    /** True for the scheduled slow request that burns CPU in {@link Work#spike}. */
    @Label("Spike")
    boolean spike;
}
