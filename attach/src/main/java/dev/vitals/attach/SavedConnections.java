package dev.vitals.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remote JVMs the user connected to, remembered in a small text file: host, port, user and TLS,
 * never the password (it is asked for each time). One line per connection:
 * {@code host:port<TAB>user<TAB>tls|plain}, user empty for none.
 */
public final class SavedConnections {
    private SavedConnections() {
    }

    /** The saved connections, without passwords; an absent file is an empty list. */
    public static List<RemoteAddress> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<RemoteAddress> addresses = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IOException("Malformed line in " + file + ": '" + line + "'.");
            }
            try {
                RemoteAddress address = RemoteAddress.parse(fields[0]);
                addresses.add(address.withCredentials(fields[1].isEmpty() ? null : fields[1], null)
                        .withTls(fields[2].equals("tls")));
            } catch (IllegalArgumentException e) {
                throw new IOException("Malformed line in " + file + ": " + e.getMessage() + ".", e);
            }
        }
        return addresses;
    }

    /**
     * Adds or moves {@code address} to the top of the list (one entry per host:port and user) and
     * writes the file atomically; the password is not written.
     */
    public static List<RemoteAddress> remember(Path file, RemoteAddress address) throws IOException {
        Map<String, RemoteAddress> byKey = new LinkedHashMap<>();
        byKey.put(key(address), address.withCredentials(address.user(), null));
        for (RemoteAddress saved : load(file)) {
            byKey.putIfAbsent(key(saved), saved);
        }
        return write(file, byKey);
    }

    /** Removes the entry with {@code address}'s host:port and user (if there is one) and writes the file atomically. */
    public static List<RemoteAddress> forget(Path file, RemoteAddress address) throws IOException {
        Map<String, RemoteAddress> byKey = new LinkedHashMap<>();
        for (RemoteAddress saved : load(file)) {
            byKey.putIfAbsent(key(saved), saved);
        }
        byKey.remove(key(address));
        return write(file, byKey);
    }

    private static List<RemoteAddress> write(Path file, Map<String, RemoteAddress> byKey) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Vitals: remote JVMs (host:port, user, tls); passwords are never stored");
        for (RemoteAddress a : byKey.values()) {
            lines.add(a.hostPort() + "\t" + (a.user() == null ? "" : a.user()) + "\t" + (a.tls() ? "tls" : "plain"));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.write(partial, lines, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return List.copyOf(byKey.values());
    }

    private static String key(RemoteAddress address) {
        return address.hostPort() + "\t" + address.user();
    }
}
