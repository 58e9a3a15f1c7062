package dev.vitals.attach.internal;

import dev.vitals.attach.ConnectionException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs blocking JMX and attach work on a daemon thread and gives up at a deadline, so that no
 * caller hangs on an unresponsive JVM or network. A result that arrives after the deadline is
 * closed, never leaked.
 */
public final class Deadline {
    private Deadline() {
    }

    /** Work that may block and may fail with any exception. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * The work's result, or a {@link ConnectionException}: {@code timeout} as given when the deadline
     * passes; a {@code ConnectionException} thrown by the work as it is; any other failure through
     * {@code failure}.
     */
    public static <T extends AutoCloseable> T within(Duration limit, String threadName, Work<T> work,
                                                     Function<Throwable, ConnectionException> failure,
                                                     ConnectionException timeout) throws ConnectionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().daemon().name(threadName).start(() -> {
            try {
                result.complete(work.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.thenAccept(Deadline::closeQuietly);
            thread.interrupt();
            throw timeout;
        } catch (InterruptedException e) {
            result.thenAccept(Deadline::closeQuietly);
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new ConnectionException(ConnectionException.Kind.FAILED, "Connecting was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectionException ce) {
                throw ce;
            }
            throw failure.apply(cause);
        }
    }

    /** Closes on a daemon thread and waits at most {@code limit}; a close that hangs is left behind. */
    public static void close(AutoCloseable closeable, Duration limit, String threadName) {
        Thread thread = Thread.ofPlatform().daemon().name(threadName).start(() -> closeQuietly(closeable));
        try {
            thread.join(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a connection that is already broken: nothing more can be done
        }
    }
}
