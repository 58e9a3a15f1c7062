package dev.vitals.app.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --connect-timeout} option of every command that connects to a JVM (a picocli mixin). */
final class ConnectTimeout {
    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = "10s", paramLabel = "D",
            description = "Give up connecting after D (default: ${DEFAULT-VALUE}).")
    Duration value;
}
