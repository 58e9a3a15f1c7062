/**
 * Vitals' sources of live data.
 *
 * <ul>
 *   <li>{@link dev.vitals.attach.LocalJvms}: the JVMs on this machine as {@link dev.vitals.attach.JvmDescriptor}s
 *       (snapshot or continuous watch), each with whether Vitals can attach and why not;</li>
 *   <li>{@link dev.vitals.attach.Connection}: a JMX connection by pid ({@code attach}) or by
 *       {@link dev.vitals.attach.RemoteAddress} ({@code remote}), with the JVM's identity and capabilities;
 *       every failure is a {@link dev.vitals.attach.ConnectionException} with one readable sentence,
 *       within 10 s;</li>
 *   <li>{@link dev.vitals.attach.LiveSession}: a live JFR stream with a {@link dev.vitals.attach.SettingsProfile}
 *       into a {@link dev.vitals.attach.ModelSink} (its raw chunks kept in the session folder and read
 *       into the model by the same decoder as files, a flush at a time), ending once
 *       with a {@link dev.vitals.attach.SessionEnd};</li>
 *   <li>{@link dev.vitals.attach.RecordingControl}: start, stop and dump without streaming (JDK 11–13);</li>
 *   <li>{@link dev.vitals.attach.SavedConnections}: remote JVMs remembered without passwords.</li>
 * </ul>
 */
package dev.vitals.attach;
