package dev.vitals.model.session;

import dev.vitals.model.session.internal.ManifestJson;

import java.util.List;

/**
 * A threshold rule evaluated over a profile's data (see {@code dev.vitals.model.alert}): one record
 * per kind of rule. Every rule has a name and can be switched off. The constructors check their
 * values and throw {@link IllegalArgumentException} with a message a user can read ("the CPU
 * threshold must be between 0 and 100 %"), so a dialog shows the message as it is.
 */
public sealed interface AlertRule {
    /** The longest threshold in milliseconds: an hour. */
    double HOUR_MILLIS = 3_600_000;

    /** The rule's name, shown on markers and notifications. */
    String name();

    /** False: the rule is kept but not evaluated. */
    boolean enabled();

    /** This rule switched on or off. */
    AlertRule withEnabled(boolean on);

    /** What the rule checks, in words ("JVM CPU above 90 % for 10 s"). */
    String describe();

    /** What the rule takes from the JVM when it fires live (none by default). */
    AlertActions actions();

    /** This rule taking {@code next} when it fires live. */
    AlertRule withActions(AlertActions next);

    /**
     * The JVM's CPU (user + system, {@code jdk.CPULoad}) above {@code percent} for at least
     * {@code seconds}. Fires once when a run of high values reaches that length.
     */
    record CpuAbove(String name, boolean enabled, double percent, double seconds, AlertActions actions)
            implements AlertRule {
        public CpuAbove {
            require(actions != null, "Say what the rule takes when it fires (none is allowed).");
            requireName(name);
            require(percent > 0 && percent < 100, "The CPU threshold must be above 0 and below 100 %.");
            require(seconds > 0 && seconds <= 3600, "The CPU duration must be above 0 and at most 3600 s.");
        }

        /** A rule that takes nothing when it fires. */
        public CpuAbove(String name, boolean enabled, double percent, double seconds) {
            this(name, enabled, percent, seconds, AlertActions.NONE);
        }

        @Override
        public AlertRule withEnabled(boolean on) {
            return new CpuAbove(name, on, percent, seconds, actions);
        }

        @Override
        public AlertRule withActions(AlertActions next) {
            return new CpuAbove(name, enabled, percent, seconds, next);
        }

        @Override
        public String describe() {
            return "JVM CPU above " + number(percent) + " % for " + number(seconds) + " s";
        }
    }

    /**
     * The heap used after a GC above {@code percent} of the maximum heap or of the committed heap
     * ({@code jdk.GCHeapSummary}, "After GC"). Fires once when a run of such GCs starts.
     */
    record HeapAfterGcAbove(String name, boolean enabled, double percent, HeapBase of, AlertActions actions)
            implements AlertRule {
        public HeapAfterGcAbove {
            require(actions != null, "Say what the rule takes when it fires (none is allowed).");
            requireName(name);
            require(percent > 0 && percent < 100, "The heap threshold must be above 0 and below 100 %.");
            require(of != null, "Choose whether the heap threshold is of the maximum or the committed heap.");
        }

        /** A rule that takes nothing when it fires. */
        public HeapAfterGcAbove(String name, boolean enabled, double percent, HeapBase of) {
            this(name, enabled, percent, of, AlertActions.NONE);
        }

        @Override
        public AlertRule withEnabled(boolean on) {
            return new HeapAfterGcAbove(name, on, percent, of, actions);
        }

        @Override
        public AlertRule withActions(AlertActions next) {
            return new HeapAfterGcAbove(name, enabled, percent, of, next);
        }

        @Override
        public String describe() {
            return "Heap after GC above " + number(percent) + " % of the " + of.words() + " heap";
        }
    }

    /** A stop-the-world GC pause ({@code jdk.GCPhasePause}) longer than {@code millis}. */
    record GcPauseAbove(String name, boolean enabled, double millis, AlertActions actions)
            implements AlertRule {
        public GcPauseAbove {
            require(actions != null, "Say what the rule takes when it fires (none is allowed).");
            requireName(name);
            require(millis > 0 && millis <= HOUR_MILLIS, "The GC pause threshold must be above 0 ms and at most an hour.");
        }

        /** A rule that takes nothing when it fires. */
        public GcPauseAbove(String name, boolean enabled, double millis) {
            this(name, enabled, millis, AlertActions.NONE);
        }

        @Override
        public AlertRule withEnabled(boolean on) {
            return new GcPauseAbove(name, on, millis, actions);
        }

        @Override
        public AlertRule withActions(AlertActions next) {
            return new GcPauseAbove(name, enabled, millis, next);
        }

        @Override
        public String describe() {
            return "GC pause longer than " + number(millis) + " ms";
        }
    }

    /**
     * The 99th percentile (nearest rank) of the durations of {@code eventType}'s events ending in a
     * window of {@code windowSeconds} (windows aligned to whole multiples of it) above {@code millis}.
     */
    record LatencyAbove(String name, boolean enabled, String eventType, double millis, double windowSeconds, AlertActions actions)
            implements AlertRule {
        public LatencyAbove {
            require(actions != null, "Say what the rule takes when it fires (none is allowed).");
            requireName(name);
            require(eventType != null && !eventType.isBlank(), "Name the event type whose p99 is watched.");
            require(millis > 0 && millis <= HOUR_MILLIS, "The p99 threshold must be above 0 ms and at most an hour.");
            require(windowSeconds >= 0.1 && windowSeconds <= 3600, "The p99 window must be 0.1 to 3600 s.");
        }

        /** A rule that takes nothing when it fires. */
        public LatencyAbove(String name, boolean enabled, String eventType, double millis, double windowSeconds) {
            this(name, enabled, eventType, millis, windowSeconds, AlertActions.NONE);
        }

        @Override
        public AlertRule withEnabled(boolean on) {
            return new LatencyAbove(name, on, eventType, millis, windowSeconds, actions);
        }

        @Override
        public AlertRule withActions(AlertActions next) {
            return new LatencyAbove(name, enabled, eventType, millis, windowSeconds, next);
        }

        @Override
        public String describe() {
            return "p99 of " + eventType + " above " + number(millis) + " ms in " + number(windowSeconds) + " s";
        }
    }

    /**
     * A thread blocked on entering a monitor ({@code jdk.JavaMonitorEnter}) longer than
     * {@code millis}. Parking ({@code jdk.ThreadPark}) is not counted: idle pool threads park for
     * long as a matter of course.
     */
    record ThreadBlocked(String name, boolean enabled, double millis, AlertActions actions)
            implements AlertRule {
        public ThreadBlocked {
            require(actions != null, "Say what the rule takes when it fires (none is allowed).");
            requireName(name);
            require(millis > 0 && millis <= HOUR_MILLIS, "The blocked-thread threshold must be above 0 ms and at most an hour.");
        }

        /** A rule that takes nothing when it fires. */
        public ThreadBlocked(String name, boolean enabled, double millis) {
            this(name, enabled, millis, AlertActions.NONE);
        }

        @Override
        public AlertRule withEnabled(boolean on) {
            return new ThreadBlocked(name, on, millis, actions);
        }

        @Override
        public AlertRule withActions(AlertActions next) {
            return new ThreadBlocked(name, enabled, millis, next);
        }

        @Override
        public String describe() {
            return "A thread blocked on a monitor longer than " + number(millis) + " ms";
        }
    }

    /** What a heap threshold is a percentage of. */
    enum HeapBase {
        /** The maximum (reserved) heap: near 100 % the JVM runs out of memory. */
        MAX,
        /** The heap committed at the time: near 100 % the heap has to grow. */
        COMMITTED;

        /** "maximum" or "committed". */
        public String words() {
            return this == MAX ? "maximum" : "committed";
        }
    }

    /**
     * The rules a new session starts with: CPU above 90 % for 10 s, heap after GC above 85 % of the
     * maximum, GC pause above 200 ms, p99 of the demo's {@code dev.vitals.demo.Request} above 200 ms
     * in 1 s (fires on the demo's 300 ms spike; it takes a thread dump, which shows what the
     * requests were doing), a thread blocked longer than 500 ms. The others take nothing: a
     * histogram's full GC and a snapshot's copy are too heavy to take unasked.
     */
    static List<AlertRule> defaults() {
        return List.of(new CpuAbove("High CPU", true, 90, 10),
                new HeapAfterGcAbove("Heap nearly full", true, 85, HeapBase.MAX),
                new GcPauseAbove("Long GC pause", true, 200),
                new LatencyAbove("Slow requests", true, "dev.vitals.demo.Request", 200, 1,
                        new AlertActions(true, false, 0)),
                new ThreadBlocked("Blocked thread", true, 500));
    }

    /** Rules as a JSON array (as in a session's manifest; used for the preferences too). */
    static String toJson(List<AlertRule> rules) {
        return ManifestJson.rules(rules);
    }

    /** Rules from {@link #toJson}; throws {@link IllegalArgumentException} for text that is not such a list. */
    static List<AlertRule> fromJson(String json) {
        return ManifestJson.rules(json);
    }

    private static void requireName(String name) {
        require(name != null && !name.isBlank(), "Give the rule a name.");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
