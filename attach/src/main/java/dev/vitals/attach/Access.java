package dev.vitals.attach;

/** What Vitals can do with a JVM it found. */
public enum Access {
    /** Attach, JMX, live JFR streaming ({@code RemoteRecordingStream}, JDK 14+). */
    STREAM,
    /** Attach and JMX, but only recording control: start, stop, dump (JDK 11–13). */
    RECORD_ONLY,
    /** Nothing: the reason says why. */
    NONE
}
