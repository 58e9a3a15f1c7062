package dev.vitals.app;

import dev.vitals.attach.Connection;
import dev.vitals.attach.JvmIdentity;
import dev.vitals.attach.SettingsProfile;
import dev.vitals.model.session.SessionManifest;
import java.util.List;
import java.util.Map;

/** The manifest of a live session, written by {@code vitals record} and by the window's live tabs. */
public final class LiveManifests {
    private LiveManifests() {
    }

    /** Who was recorded, with which settings, over which span (epoch nanos; 0 while unknown). */
    public static SessionManifest of(Connection connection, SettingsProfile profile, long startNanos, long endNanos) {
        JvmIdentity jvm = connection.identity();
        Map<String, String> identity = Map.of("address", jvm.address(), "pid", Long.toString(jvm.pid()),
                "mainClass", jvm.name(), "jdk", jvm.jdkVersion(), "jdkVendor", jvm.jdkVendor(), "vm", jvm.vmName());
        return new SessionManifest(SessionManifest.FORMAT_VERSION, Versions.vitals(), identity, profile.settings(),
                startNanos, endNanos, List.of(), List.of(), "", null, List.of());
    }
}
