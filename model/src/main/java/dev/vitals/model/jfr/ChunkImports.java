package dev.vitals.model.jfr;

import dev.vitals.model.internal.ProfileStore;
import dev.vitals.model.jfr.internal.ChunkDecoder;
import dev.vitals.model.jfr.internal.ChunkScanner.Chunk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Imports the chunks of the files of one import into a {@link ProfileImporter}, in order, each
 * chunk one published batch, with the warnings about the input (a file or a part of one skipped)
 * given in their place among them. With one chunk in all, or one core, or too little heap for two
 * chunks at once, each chunk is decoded straight into the importer's store on the calling thread.
 * Otherwise the chunks, of one file or of many (the chunk files of a session), are decoded on
 * worker threads, one per core, each into a store of its own, at most {@link #window} chunks at a
 * time (decoding or waiting to be merged), and the calling thread merges them into the importer's
 * store in order ({@link ProfileStore#merge}), so the model is the same either way. Progress counts
 * the bytes every chunk has reached; cancellation stops the workers before the import ends with a
 * {@link CancellationException}.
 */
final class ChunkImports {
    /** The part of the heap the chunks waiting in memory may take. */
    private static final double HEAP_SHARE = 0.25;
    /** Heap bytes a decoded chunk holds per byte of chunk, about (model rows, resolved constants). */
    private static final int HEAP_PER_CHUNK_BYTE = 2;
    private static final long PROGRESS_MILLIS = 50;
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private ChunkImports() {
    }

    /** A step of an import, taken in order. */
    sealed interface Step {
    }

    /**
     * A chunk to decode and publish.
     *
     * @param file      the file named in messages
     * @param recording the file holding the chunk (the file itself, or a recording expanded from it)
     * @param scale     file bytes per byte of the recording, for progress
     */
    record Decode(Path file, Path recording, Chunk chunk, double scale) implements Step {
    }

    /**
     * A warning about the input, given when the steps before it are done.
     *
     * @param problem the problem, as an import that reads nothing names it
     * @param credit  file bytes it accounts for in the progress (a file skipped whole)
     */
    record Warn(String warning, String problem, long credit) implements Step {
    }

    /**
     * Takes the steps in order; returns for each step {@code null} when it is a warning or a chunk
     * that was imported, else why the chunk was skipped (a warning the importer has been given,
     * without the file name).
     *
     * @param parallelism the worker threads to use at most (1: decode on the calling thread)
     * @param progress    told the file bytes read so far, never less than before
     */
    static List<String> run(ProfileImporter importer, List<Step> steps, int parallelism, BooleanSupplier cancelled,
                            LongConsumer progress) throws JfrImportException {
        List<Chunk> chunks = steps.stream().filter(Decode.class::isInstance).map(s -> ((Decode) s).chunk()).toList();
        int window = window(chunks, parallelism, Runtime.getRuntime().maxMemory());
        return window <= 1 ? sequential(importer, steps, cancelled, progress)
                : parallel(importer, steps, Math.min(parallelism, window), window, cancelled, progress);
    }

    /** The worker threads an import uses by default: one per core. */
    static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * How many chunks may be in memory at once: one more than the workers (so that they keep busy
     * while the calling thread merges), fewer when the largest chunk's decoded size, times that,
     * would pass {@link #HEAP_SHARE} of the heap; 1 for a single chunk or a single worker.
     */
    static int window(List<Chunk> chunks, int parallelism, long maxHeap) {
        if (chunks.size() <= 1 || parallelism <= 1) {
            return 1;
        }
        long largest = chunks.stream().mapToLong(Chunk::available).max().orElse(1);
        long fits = (long) (maxHeap * HEAP_SHARE) / Math.max(1, largest * HEAP_PER_CHUNK_BYTE);
        return (int) Math.max(1, Math.min(Math.min(parallelism + 1, chunks.size()), fits));
    }

    private static List<String> sequential(ProfileImporter importer, List<Step> steps, BooleanSupplier cancelled,
                                           LongConsumer progress) throws JfrImportException {
        List<String> failures = new ArrayList<>();
        double done = 0;
        for (Step step : steps) {
            switch (step) {
                case Warn warn -> {
                    importer.warn(warn.warning());
                    failures.add(null);
                    done += warn.credit();
                }
                case Decode decode -> {
                    double before = done;
                    failures.add(decodeInto(importer, decode, cancelled,
                            position -> progress.accept((long) (before + position * decode.scale()))));
                    done += decode.chunk().available() * decode.scale();
                }
            }
            progress.accept((long) done);
        }
        return failures;
    }

    /** Decodes a chunk straight into the importer's store and publishes it; returns null, or why it was skipped. */
    private static String decodeInto(ProfileImporter importer, Decode step, BooleanSupplier cancelled,
                                      IntConsumer progress) throws JfrImportException {
        Chunk chunk = step.chunk();
        ChunkDecoder.Result result;
        try {
            result = decode(step.recording(), chunk, importer.store(), cancelled, progress);
        } catch (CancellationException e) {
            importer.discard();
            throw new CancellationException("import of " + step.file() + " cancelled");
        } catch (IOException e) {
            importer.discard();
            throw unreadable(step, e);
        } catch (RuntimeException | StackOverflowError e) {
            importer.discard();
            String failure = failure(chunk, e);
            importer.warn(step.file() + ": " + failure);
            return failure;
        }
        finish(importer, step.file(), chunk, result);
        return null;
    }

    /** A chunk decoded into a store of its own: its result, or why it was skipped. */
    private record Decoded(ProfileStore store, ChunkDecoder.Result result, String failure) {
    }

    private static List<String> parallel(ProfileImporter importer, List<Step> steps, int workers, int window,
                                         BooleanSupplier cancelled, LongConsumer progress) throws JfrImportException {
        AtomicBoolean stop = new AtomicBoolean();
        BooleanSupplier stopped = () -> stop.get() || cancelled.getAsBoolean();
        // bytes each step has reached (a chunk's while it decodes, then all of it; a warning's credit once given)
        AtomicLongArray reached = new AtomicLongArray(steps.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "vitals-chunk-decoder-" + WORKERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Map<Integer, Future<Decoded>> decoding = new HashMap<>();
        List<String> failures = new ArrayList<>();
        Runnable report = () -> progress.accept(bytesDone(steps, reached));
        int submitted = 0;
        try {
            for (int next = 0; next < steps.size(); next++) {
                // keep `window` chunks decoding or decoded ahead of the one merged next
                for (; submitted < steps.size() && decoding.size() < window; submitted++) {
                    if (steps.get(submitted) instanceof Decode decode) {
                        int index = submitted;
                        decoding.put(index, pool.submit(() -> decodeApart(decode, stopped,
                                position -> reached.set(index, position))));
                    }
                }
                switch (steps.get(next)) {
                    case Warn warn -> {
                        importer.warn(warn.warning());
                        failures.add(null);
                        reached.set(next, warn.credit());
                    }
                    case Decode decode -> {
                        Decoded decoded = await(decoding.remove(next), decode, cancelled, report);
                        if (decoded.failure() != null) {
                            importer.warn(decode.file() + ": " + decoded.failure());
                        } else {
                            importer.store().merge(decoded.store());
                            finish(importer, decode.file(), decode.chunk(), decoded.result());
                        }
                        failures.add(decoded.failure());
                        reached.set(next, decode.chunk().available());
                    }
                }
                report.run();
            }
            return failures;
        } finally {
            stop.set(true);
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    private static long bytesDone(List<Step> steps, AtomicLongArray reached) {
        double done = 0;
        for (int i = 0; i < steps.size(); i++) {
            done += steps.get(i) instanceof Decode decode ? reached.get(i) * decode.scale() : reached.get(i);
        }
        return (long) done;
    }

    /** Waits for a chunk, reporting progress meanwhile; ends the import when it is cancelled. */
    private static Decoded await(Future<Decoded> future, Decode step, BooleanSupplier cancelled, Runnable progress)
            throws JfrImportException {
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("import of " + step.file() + " cancelled");
                }
                try {
                    return future.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    progress.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import of " + step.file() + " interrupted");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case CancellationException c -> throw new CancellationException("import of " + step.file()
                        + " cancelled");
                case UncheckedIOException io -> throw unreadable(step, io.getCause());
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static JfrImportException unreadable(Decode step, IOException e) {
        return new JfrImportException(step.file() + ": cannot be read (" + e.getMessage() + ")", e);
    }

    private static Decoded decodeApart(Decode step, BooleanSupplier cancelled, IntConsumer progress) {
        ProfileStore store = new ProfileStore();
        Chunk chunk = step.chunk();
        try {
            ChunkDecoder.Result result = decode(step.recording(), chunk, store, cancelled, progress);
            store.commit();
            return new Decoded(store, result, null);
        } catch (CancellationException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | StackOverflowError e) {
            return new Decoded(null, null, failure(chunk, e));
        }
    }

    private static ChunkDecoder.Result decode(Path recording, Chunk chunk, ProfileStore store,
                                              BooleanSupplier cancelled, IntConsumer progress) throws IOException {
        try (FileChannel channel = FileChannel.open(recording, StandardOpenOption.READ)) {
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, chunk.offset(), chunk.available());
            return ChunkDecoder.decode(bytes, (int) chunk.available(), chunk.header(), store, cancelled, progress);
        }
    }

    private static String where(Chunk chunk) {
        return "chunk " + (chunk.index() + 1) + " at offset " + chunk.offset();
    }

    private static String cut(Chunk chunk) {
        return chunk.whole() ? "" : "truncated (" + chunk.available() + " bytes of " + chunk.size() + ")";
    }

    private static String failure(Chunk chunk, Throwable e) {
        String cut = cut(chunk);
        return "skipped " + where(chunk) + ": " + (cut.isEmpty() ? "corrupt (" : cut
                + ", nothing readable before the cut (") + e.getMessage() + ")";
    }

    /** Counts, warnings and times of a decoded chunk, then publishes it as one batch. */
    private static void finish(ProfileImporter importer, Path file, Chunk chunk, ChunkDecoder.Result result) {
        String where = where(chunk);
        String cut = cut(chunk);
        importer.take(result, chunk.header(), file + ": " + where);
        if (result.decodedEnd() < chunk.size()) {
            importer.warn(file + ": " + where + ": " + (cut.isEmpty() ? "damaged" : cut) + "; kept its records up to offset "
                    + result.decodedEnd() + ", lost the last " + (chunk.size() - result.decodedEnd()) + " bytes");
        }
        importer.noteChunk(chunk.header().startNanos(), chunk.header().durationNanos());
        importer.publish();
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
