package dev.vitals.app.ui;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One Vitals window per user: the running instance listens on a Unix domain socket in Vitals' data
 * home ({@value #SOCKET}); {@code vitals open FILE} (and {@code vitals FILE}, as a file manager
 * starts it) first hands its files to that instance, which opens them in its window, and opens a
 * window of its own only when none answers. The protocol: the absolute paths, one per line, then
 * end of input; the instance answers {@code ok}.
 */
public final class InstanceHandoff implements AutoCloseable {
    static final String SOCKET = "instance.sock";
    private static final int MAX_REQUEST = 1 << 20;

    private final Path socket;
    private final ServerSocketChannel server;

    private InstanceHandoff(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    /** The socket of this user's Vitals: {@value #SOCKET} in {@link SessionFolders#dataHome()}. */
    public static Path defaultSocket() {
        return SessionFolders.dataHome().resolve(SOCKET);
    }

    /** Hands {@code files} to the instance listening on {@code socket}; true if it took them. */
    public static boolean handTo(Path socket, List<Path> files) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            StringBuilder request = new StringBuilder();
            files.forEach(f -> request.append(f.toAbsolutePath().normalize()).append('\n'));
            channel.write(ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            byte[] answer = Channels.newInputStream(channel).readNBytes(16);
            return new String(answer, StandardCharsets.UTF_8).strip().equals("ok");
        } catch (IOException e) {
            return false; // no instance (a socket file left by one that crashed), or it could not answer
        }
    }

    /**
     * Listens on {@code socket} for files handed over and gives each batch to {@code open} on the
     * listener's own daemon thread; null when another instance answers there already. A socket
     * file nobody answers on (left by a Vitals that crashed) is replaced.
     */
    public static InstanceHandoff listen(Path socket, Consumer<List<Path>> open) throws IOException {
        if (handTo(socket, List.of())) {
            return null;
        }
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        InstanceHandoff handoff = new InstanceHandoff(socket, server);
        Thread.ofPlatform().daemon().name("vitals-handoff").start(() -> handoff.serve(open));
        return handoff;
    }

    private void serve(Consumer<List<Path>> open) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                byte[] request = Channels.newInputStream(client).readNBytes(MAX_REQUEST);
                List<Path> files = new String(request, StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank()).map(Path::of).toList();
                if (!files.isEmpty()) {
                    open.accept(files);
                }
                client.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    /** Stops listening and removes the socket file. */
    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
    }
}
