package dev.vitals.model.jfr.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the events of one chunk file on its own thread and hands them over in batches, so that
 * parsing (the JDK's {@code RecordingFile}, which resolves constant pools and builds the event
 * objects) and reading out each new stack trace's frames run on one core while the importer
 * interns the previous batch on another. The events are immutable once read; the queue's
 * hand-over makes them visible to the consuming thread.
 *
 * <p>A failure on the reading thread (an {@link IOException}, or the runtime errors the JDK's
 * parser throws on corrupt data) is rethrown in the consuming thread, after the
 * batches read before it. {@link #close()} stops the reader, whether or not it has finished.
 */
public final class EventPipe implements AutoCloseable {
    private static final int BATCH = 512;
    private static final int BATCHES_IN_FLIGHT = 16;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread reader;
    private boolean ended;

    private EventPipe(Path chunkFile) {
        reader = Thread.ofPlatform().name("vitals-jfr-reader").daemon().unstarted(() -> read(chunkFile));
    }

    /** Starts reading {@code chunkFile}: first {@link #eventTypes()}, then {@link #nextEvents()} until {@code null}. */
    public static EventPipe open(Path chunkFile) {
        EventPipe pipe = new EventPipe(chunkFile);
        pipe.reader.start();
        return pipe;
    }

    /** The names of the chunk's event types; call once, before the first {@link #nextEvents()}. */
    @SuppressWarnings("unchecked")
    public List<String> eventTypes() throws IOException {
        return (List<String>) take();
    }

    /** The next batch of events in file order, or {@code null} after the last one. */
    public Batch nextEvents() throws IOException {
        Object next = take();
        return next == END ? null : (Batch) next;
    }

    /**
     * Events read, with each one's stack trace ({@code null} when it has none) and, for a trace not
     * seen before in this chunk, its frames decoded (else {@code null}).
     */
    public record Batch(RecordedEvent[] events, RecordedStackTrace[] traces, DecodedStack[] newStacks) {
        private Batch(int size) {
            this(new RecordedEvent[size], new RecordedStackTrace[size], new DecodedStack[size]);
        }

        private Batch truncate(int size) {
            return new Batch(Arrays.copyOf(events, size), Arrays.copyOf(traces, size), Arrays.copyOf(newStacks, size));
        }
    }

    private Object take() throws IOException {
        if (ended) {
            return END;
        }
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading events", e);
        }
        switch (next) {
            case IOException e -> throw new IOException(e.getMessage(), e);
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> {
                ended = next == END;
                return next;
            }
        }
    }

    private void read(Path chunkFile) {
        try (RecordingFile recording = new RecordingFile(chunkFile)) {
            List<String> types = new ArrayList<>();
            for (EventType type : recording.readEventTypes()) {
                types.add(type.getName());
            }
            queue.put(types);
            Set<RecordedStackTrace> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Batch batch = new Batch(BATCH);
            int n = 0;
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                RecordedStackTrace trace = event.getStackTrace();
                batch.events[n] = event;
                batch.traces[n] = trace;
                if (trace != null && seen.add(trace)) {
                    batch.newStacks[n] = DecodedStack.of(trace);
                }
                if (++n == BATCH) {
                    queue.put(batch);
                    batch = new Batch(BATCH);
                    n = 0;
                }
            }
            if (n > 0) {
                queue.put(batch.truncate(n));
            }
            queue.put(END);
        } catch (InterruptedException e) {
            // closed by the consumer: stop reading
        } catch (Throwable e) {
            try {
                queue.put(e);
            } catch (InterruptedException closed) {
                // closed by the consumer while the failure waited for room
            }
        }
    }

    /** Stops the reader and waits for it to let go of the file. */
    @Override
    public void close() {
        reader.interrupt();
        queue.clear();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
