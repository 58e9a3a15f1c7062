package dev.vitals.views;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Computes a view's immutable answer to an immutable request off the JavaFX thread: the newest
 * request wins, at most one computation is in flight, and a request made meanwhile waits for it.
 * An answer whose request was superseded while it ran is dropped (its view would flash a picture
 * that is about to be replaced), unless the answer before it was dropped too: a stream of requests
 * faster than the computation (a live profile, a long pan) still shows every other answer. The
 * answer shown stays until the next one arrives, so a view never goes blank while it waits.
 *
 * <p>Requests are compared with {@code equals} (records of a snapshot, a range, a width…); asking
 * again for what is shown, running or just failed does nothing. With no executor ({@code null})
 * the answer is computed at once on the calling thread: headless rendering and benchmarks of the
 * paint alone.
 * All methods are called on the JavaFX thread; {@code onResult} and {@code onFailure} run there.
 *
 * @param <Q> the request
 * @param <R> the answer
 */
public final class LatestQuery<Q, R> {
    private final Supplier<Executor> executor;
    private final Function<Q, R> compute;
    private final BiConsumer<Q, R> onResult;
    private final Consumer<Throwable> onFailure;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private Q shownRequest;
    private R shown;
    private Q wanted;
    private Q failedRequest;
    private boolean lastDropped;

    /**
     * @param executor  where computations run, asked at each request; {@code null} from it means on the calling thread
     * @param compute   a pure function of the request, run on the executor
     * @param onResult  receives each answer shown, with its request
     * @param onFailure receives what {@code compute} threw
     */
    public LatestQuery(Supplier<Executor> executor, Function<Q, R> compute, BiConsumer<Q, R> onResult,
                       Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.compute = compute;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** Asks for the answer to {@code request}; it is shown when it arrives unless a newer request supersedes it. */
    public void request(Q request) {
        Objects.requireNonNull(request);
        if (running.get()) {
            wanted = request;
            return;
        }
        if (request.equals(shownRequest) || request.equals(failedRequest)) {
            wanted = null;
            return;
        }
        Executor where = executor.get();
        if (where == null) {
            wanted = null;
            R answer;
            try {
                answer = compute.apply(request);
            } catch (RuntimeException e) {
                failed(request, e);
                return;
            }
            show(request, answer);
            return;
        }
        start(request, where);
    }

    private void start(Q request, Executor where) {
        wanted = null;
        running.set(true);
        where.execute(() -> {
            R answer = null;
            Throwable failure = null;
            try {
                answer = compute.apply(request);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            R result = answer;
            Throwable failed = failure;
            Platform.runLater(() -> finish(request, result, failed));
        });
    }

    private void finish(Q request, R answer, Throwable failure) {
        boolean superseded = wanted != null && !wanted.equals(request);
        if (failure != null) {
            failed(request, failure);
        } else if (superseded && !lastDropped) {
            lastDropped = true;
        } else {
            lastDropped = false;
            show(request, answer);
        }
        // asked for while this one ran, or by its result's consumer (a view that changes what it asks)
        Q next = wanted != null && !wanted.equals(request) ? wanted : null;
        wanted = null;
        Executor where = executor.get();
        if (next != null && !next.equals(shownRequest) && where != null) {
            start(next, where);
        } else {
            running.set(false);
            if (next != null && !next.equals(shownRequest)) {
                request(next);
            }
        }
    }

    /** Reports a failure; the same request is not computed again (it would fail again), a different one is. */
    private void failed(Q request, Throwable failure) {
        failedRequest = request;
        onFailure.accept(failure);
    }

    private void show(Q request, R answer) {
        failedRequest = null;
        shownRequest = request;
        shown = answer;
        onResult.accept(request, answer);
    }

    /** The answer shown, or {@code null} before the first. */
    public R result() {
        return shown;
    }

    /** The request of the answer shown, or {@code null}. */
    public Q resultRequest() {
        return shownRequest;
    }

    /** True while a computation is in flight. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }
}
