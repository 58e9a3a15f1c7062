package dev.vitals.attach;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SavedConnectionsTest {

    @Test
    void remembersAddressesWithoutPasswords(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config/connections.txt");
        assertThat(SavedConnections.load(file)).isEmpty();

        SavedConnections.remember(file, new RemoteAddress("prod-1", 9010, "ops", "hunter2".toCharArray(), true));
        SavedConnections.remember(file, RemoteAddress.parse("[::1]:9011"));
        SavedConnections.remember(file, new RemoteAddress("prod-1", 9010, "ops", "again".toCharArray(), true));

        assertThat(Files.readString(file)).doesNotContain("hunter2").doesNotContain("again");
        var saved = SavedConnections.load(file);
        assertThat(saved).extracting(RemoteAddress::hostPort).containsExactly("prod-1:9010", "[::1]:9011");
        assertThat(saved.getFirst().user()).isEqualTo("ops");
        assertThat(saved.getFirst().tls()).isTrue();
        assertThat(saved.getFirst().password()).isNull();
        assertThat(saved.get(1).user()).isNull();
        assertThat(saved.get(1).tls()).isFalse();
    }

    @Test
    void forgetsOneConnectionAndKeepsTheOthersInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("connections.txt");
        SavedConnections.remember(file, RemoteAddress.parse("a:1"));
        SavedConnections.remember(file, new RemoteAddress("b", 2, "ops", null, false));
        SavedConnections.remember(file, RemoteAddress.parse("c:3"));

        var left = SavedConnections.forget(file, new RemoteAddress("b", 2, "ops", "any".toCharArray(), false));
        assertThat(left).extracting(RemoteAddress::hostPort).containsExactly("c:3", "a:1");
        assertThat(SavedConnections.load(file)).extracting(RemoteAddress::hostPort).containsExactly("c:3", "a:1");
        // same host:port, other user: a different entry, not removed
        SavedConnections.forget(file, RemoteAddress.parse("a:1").withCredentials("someone", null));
        assertThat(SavedConnections.load(file)).extracting(RemoteAddress::hostPort).containsExactly("c:3", "a:1");
    }
}
