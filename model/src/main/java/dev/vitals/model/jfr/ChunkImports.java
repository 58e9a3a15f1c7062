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
import java.util.List;
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
 * Imports the chunks of one recording into a {@link ProfileImporter}, each chunk one published
 * batch, in file order. With one chunk, or one core, or too little heap for two chunks at once,
 * each chunk is decoded straight into the importer's store on the calling thread. Otherwise the
 * chunks are decoded on worker threads, one per core, each into a store of its own, at most
 * {@link #window} chunks at a time (decoding or waiting to be merged), and the calling thread
 * merges them into the importer's store in chunk order ({@link ProfileStore#merge}), so the model
 * is the same either way. Progress counts the bytes every chunk has reached; cancellation stops the
 * workers before the import ends with a {@link CancellationException}.
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

    /**
     * Imports the chunks; returns for each chunk {@code null} when it was imported, else why it was
     * skipped (a warning the importer has been given, without the file name).
     *
     * @param parallelism the worker threads to use at most (1: decode on the calling thread)
     * @param reached     told the bytes of the recording read so far, never less than before
     */
    static List<String> importChunks(ProfileImporter importer, Path file, Path recording, List<Chunk> chunks,
                                     int parallelism, BooleanSupplier cancelled, LongConsumer reached)
            throws IOException {
        int window = window(chunks, parallelism, Runtime.getRuntime().maxMemory());
        return window <= 1 ? sequential(importer, file, recording, chunks, cancelled, reached)
                : parallel(importer, file, recording, chunks, Math.min(parallelism, window), window, cancelled,
                reached);
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

    private static List<String> sequential(ProfileImporter importer, Path file, Path recording, List<Chunk> chunks,
                                           BooleanSupplier cancelled, LongConsumer reached) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Chunk chunk : chunks) {
            ChunkDecoder.Result result;
            try {
                result = decode(recording, chunk, importer.store(), cancelled,
                        position -> reached.accept(chunk.offset() + position));
            } catch (CancellationException e) {
                importer.discard();
                throw new CancellationException("import of " + file + " cancelled");
            } catch (RuntimeException | StackOverflowError e) {
                importer.discard();
                result = null;
                failures.add(skipped(importer, file, chunk, e));
            }
            if (result != null) {
                finish(importer, file, chunk, result);
                failures.add(null);
            }
            reached.accept(chunk.offset() + chunk.available());
        }
        return failures;
    }

    /** A chunk decoded into a store of its own: its result, or why it was skipped. */
    private record Decoded(ProfileStore store, ChunkDecoder.Result result, String failure) {
    }

    private static List<String> parallel(ProfileImporter importer, Path file, Path recording, List<Chunk> chunks,
                                         int workers, int window, BooleanSupplier cancelled, LongConsumer reached)
            throws IOException {
        AtomicBoolean stop = new AtomicBoolean();
        BooleanSupplier stopped = () -> stop.get() || cancelled.getAsBoolean();
        AtomicLongArray chunkReached = new AtomicLongArray(chunks.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "vitals-chunk-decoder-" + WORKERS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Decoded>> decoding = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long first = chunks.getFirst().offset();
        try {
            for (int next = 0; next < chunks.size(); next++) {
                while (decoding.size() < Math.min(chunks.size(), next + window)) {
                    int index = decoding.size();
                    Chunk chunk = chunks.get(index);
                    decoding.add(pool.submit(() -> decodeApart(recording, chunk, stopped,
                            position -> chunkReached.set(index, position))));
                }
                Decoded decoded = await(decoding.get(next), file, cancelled,
                        () -> reached.accept(first + sum(chunkReached)));
                decoding.set(next, null);
                Chunk chunk = chunks.get(next);
                if (decoded.failure() != null) {
                    importer.warn(file + ": " + decoded.failure());
                    failures.add(decoded.failure());
                } else {
                    importer.store().merge(decoded.store());
                    finish(importer, file, chunk, decoded.result());
                    failures.add(null);
                }
                chunkReached.set(next, chunk.available());
                reached.accept(first + sum(chunkReached));
            }
            return failures;
        } finally {
            stop.set(true);
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Waits for a chunk, reporting progress meanwhile; ends the import when it is cancelled. */
    private static Decoded await(Future<Decoded> future, Path file, BooleanSupplier cancelled, Runnable progress)
            throws IOException {
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("import of " + file + " cancelled");
                }
                try {
                    return future.get(PROGRESS_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    progress.run();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import of " + file + " interrupted");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case CancellationException c -> throw new CancellationException("import of " + file + " cancelled");
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException r -> throw r;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static Decoded decodeApart(Path recording, Chunk chunk, BooleanSupplier cancelled,
                                       IntConsumer progress) {
        ProfileStore store = new ProfileStore();
        try {
            ChunkDecoder.Result result = decode(recording, chunk, store, cancelled, progress);
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

    /** Warns that a chunk is skipped; returns why. */
    private static String skipped(ProfileImporter importer, Path file, Chunk chunk, Throwable e) {
        String failure = failure(chunk, e);
        importer.warn(file + ": " + failure);
        return failure;
    }

    /** Counts, warnings and times of a decoded chunk, then publishes it as one batch. */
    private static void finish(ProfileImporter importer, Path file, Chunk chunk, ChunkDecoder.Result result) {
        String where = where(chunk);
        String cut = cut(chunk);
        for (String type : result.eventTypes()) {
            importer.countEventType(type);
        }
        importer.countRecords(chunk.header().recordPrefix() + "Metadata", result.metadata());
        importer.countRecords(chunk.header().recordPrefix() + "Checkpoint", result.checkpoints());
        if (result.jvmVersion() != null || result.jvmName() != null) {
            importer.jvm(result.jvmVersion(), result.jvmName());
        }
        for (String warning : result.warnings()) {
            importer.warn(file + ": " + where + ": " + warning);
        }
        if (result.decodedEnd() < chunk.size()) {
            importer.warn(file + ": " + where + ": " + (cut.isEmpty() ? "damaged" : cut) + "; kept its records up to offset "
                    + result.decodedEnd() + ", lost the last " + (chunk.size() - result.decodedEnd()) + " bytes");
        }
        importer.noteChunk(chunk.header().startNanos(), chunk.header().durationNanos());
        importer.publish();
    }

    private static long sum(AtomicLongArray values) {
        long total = 0;
        for (int i = 0; i < values.length(); i++) {
            total += values.get(i);
        }
        return total;
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
