package dev.vitals.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions Vitals reports in {@code --version} and Help → About. */
public final class Versions {
    private Versions() {
    }

    /** The project version, written into {@code version.properties} by the build. */
    public static String vitals() {
        try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of Vitals", e);
        }
    }

    public static String java() {
        return Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")";
    }

    /** The JavaFX runtime version, read without starting the toolkit. */
    public static String javafx() {
        return System.getProperty("javafx.runtime.version", javafx.application.Platform.class.getModule()
                .getDescriptor().rawVersion().orElse("unknown"));
    }
}
