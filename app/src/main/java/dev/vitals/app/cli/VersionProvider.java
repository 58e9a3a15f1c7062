package dev.vitals.app.cli;

import dev.vitals.app.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code vitals --version}: the versions of Vitals and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Vitals " + Versions.vitals(), "Java " + Versions.java()};
    }
}
