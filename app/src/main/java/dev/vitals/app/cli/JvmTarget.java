package dev.vitals.app.cli;

import dev.vitals.attach.Connection;
import dev.vitals.attach.ConnectionException;
import dev.vitals.attach.RemoteAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Which JVM a command connects to: {@code --pid PID}, or {@code --jmx HOST:PORT} with optional
 * {@code --user}/{@code --password-file} and {@code --tls}. Commands take it as an exclusive
 * {@code @ArgGroup} with multiplicity 1.
 */
final class JvmTarget {
    @Option(names = "--pid", required = true, paramLabel = "PID", description = "A local JVM (see 'vitals list').")
    Long pid;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Remote remote;

    /** A remote JVM's JMX endpoint and how to log in. */
    static final class Remote {
        @Option(names = "--jmx", required = true, paramLabel = "HOST:PORT", converter = AddressConverter.class,
                description = "A remote JVM's JMX RMI port (com.sun.management.jmxremote.port).")
        RemoteAddress address;

        @Option(names = "--user", paramLabel = "U", description = "JMX user name (with --password-file).")
        String user;

        @Option(names = "--password-file", paramLabel = "F", description = "File whose first line is the JMX password.")
        Path passwordFile;

        @Option(names = "--tls", description = "Connect over TLS (the JVM's default trust store).")
        boolean tls;
    }

    /** Connects within {@code timeout}; {@code --user} without {@code --password-file} (or the reverse) is a usage error. */
    Connection connect(CommandSpec spec, Duration timeout) throws IOException, ConnectionException {
        if (pid != null) {
            return Connection.attach(pid, timeout);
        }
        RemoteAddress address = remote.address.withTls(remote.tls);
        if ((remote.user == null) != (remote.passwordFile == null)) {
            throw new ParameterException(spec.commandLine(), "--user and --password-file go together");
        }
        if (remote.user != null) {
            address = address.withCredentials(remote.user, password(remote.passwordFile));
        }
        return Connection.remote(address, timeout);
    }

    private static char[] password(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": the password file is empty");
        }
        return lines.getFirst().toCharArray();
    }

    /** Reads HOST:PORT as the attach module does. */
    static final class AddressConverter implements ITypeConverter<RemoteAddress> {
        @Override
        public RemoteAddress convert(String value) {
            try {
                return RemoteAddress.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
