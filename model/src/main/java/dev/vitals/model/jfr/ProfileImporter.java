package dev.vitals.model.jfr;

import dev.vitals.model.FrameType;
import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.internal.ProfileStore;
import dev.vitals.model.jfr.internal.EventHandler;
import dev.vitals.model.jfr.internal.ModelNames;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * The one importer of JFR events into a {@link Profile}, for files and live streams alike. Files
 * are decoded by Vitals' own chunk reader ({@link JfrFiles}), which writes this importer's tables
 * directly; a live stream ({@code EventStream}, {@code RemoteRecordingStream}) calls
 * {@link #accept(RecordedEvent)} for every event. Either way {@link #publish()} makes the batch
 * visible to readers as one new snapshot, and a batch that must not count is dropped with
 * {@link #discard()}. Both paths decide what to keep per event type with the same
 * {@code EventHandler} and name threads and methods with the same {@code ModelNames}.
 *
 * <p>The live stream's constant-pool objects (stack traces, methods, threads) are resolved once
 * per chunk by the JDK's parser, so they are cached here by identity until the next publish; the
 * content is interned in the model, so a cache miss costs time, never correctness. Single-threaded:
 * one importer per stream, called from one thread.
 */
public final class ProfileImporter {
    private final ProfileStore store = new ProfileStore();
    private final Profile profile;
    private final String source;
    private final Map<EventType, EventHandler> handlers = new IdentityHashMap<>();
    private final Map<RecordedStackTrace, Integer> stackCache = new IdentityHashMap<>();
    private final Map<RecordedMethod, Integer> methodCache = new IdentityHashMap<>();
    private final Map<RecordedThread, Integer> threadCache = new IdentityHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private String jvmVersion = "";
    private String jvmName = "";
    private long startNanos = Long.MAX_VALUE;
    private long endNanos = Long.MIN_VALUE;
    private boolean chunkTimes;
    private int chunkCount;

    /** An importer into a new, empty model. */
    public ProfileImporter(String source) {
        this.source = source;
        this.profile = new Profile(store.snapshot(Profile.emptyInfo(source)));
    }

    /** The model this importer writes; readers take {@link Profile#snapshot()}s of it. */
    public Profile profile() {
        return profile;
    }

    /** Adds one event of a live stream to the pending batch. */
    public void accept(RecordedEvent event) {
        EventType type = event.getEventType();
        EventHandler handler = handlers.get(type);
        if (handler == null) {
            handler = EventHandler.of(type, store);
            handlers.put(type, handler);
        }
        store.count(handler.name(), 1);
        long start = EventHandler.startNanos(event);
        if (!chunkTimes) {
            startNanos = Math.min(startNanos, start);
            endNanos = Math.max(endNanos, start);
        }
        switch (handler.role()) {
            case SAMPLE -> store.addSample(handler.name(), handler.kind(), start,
                    thread(event.getThread(handler.threadField())), stack(event.getStackTrace()),
                    handler.weight(event));
            case SERIES -> handler.addSeries(event, start, store);
            case INTERVAL -> store.addInterval(start, handler.durationNanos(event),
                    thread(handler.hasThread() ? event.getThread() : null),
                    handler.hasStack() ? stack(event.getStackTrace()) : -1, handler.typeIndex(),
                    handler.fields(event));
            case INFO -> {
                jvmVersion = event.getString("jvmVersion");
                jvmName = event.getString("jvmName");
            }
            case COUNT_ONLY -> {
                // counted above; nothing else to keep
            }
        }
    }

    /** Counts records that are not events ({@code jdk.Checkpoint}, {@code jdk.Metadata}). */
    public void countRecords(String recordType, long n) {
        store.count(recordType, n);
    }

    /** Makes an event type appear in the counts (with 0 until events of it arrive), as {@code jfr summary} lists it. */
    public void countEventType(String eventType) {
        store.count(eventType, 0);
    }

    /** Records a complete chunk's time span; once any chunk is noted, event times no longer move it. */
    public void noteChunk(long chunkStartNanos, long chunkDurationNanos) {
        if (!chunkTimes) {
            chunkTimes = true;
            startNanos = Long.MAX_VALUE;
            endNanos = Long.MIN_VALUE;
        }
        startNanos = Math.min(startNanos, chunkStartNanos);
        endNanos = Math.max(endNanos, chunkStartNanos + chunkDurationNanos);
        chunkCount++;
    }

    /** Adds a warning line to the model's info. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** Makes the pending batch visible: one new snapshot, consistent across tables. */
    public ProfileSnapshot publish() {
        store.commit();
        clearCaches();
        ProfileSnapshot snapshot = store.snapshot(info());
        profile.publish(snapshot);
        return snapshot;
    }

    /** Drops the pending batch (the snapshot readers see does not change). */
    public void discard() {
        store.discard();
        clearCaches();
    }

    private void clearCaches() {
        handlers.clear();
        stackCache.clear();
        methodCache.clear();
        threadCache.clear();
    }

    private RecordingInfo info() {
        boolean any = startNanos != Long.MAX_VALUE;
        return new RecordingInfo(source, jvmVersion, jvmName, any ? startNanos : 0, any ? endNanos : 0, chunkCount,
                store.counts(), List.copyOf(warnings));
    }

    private int thread(RecordedThread thread) {
        if (thread == null) {
            return -1;
        }
        Integer cached = threadCache.get(thread);
        if (cached != null) {
            return cached;
        }
        int index = store.thread(ModelNames.thread(thread.getJavaName(), thread.getOSName(), thread.getJavaThreadId(),
                thread.getOSThreadId(), thread.isVirtual()));
        threadCache.put(thread, index);
        return index;
    }

    private int stack(RecordedStackTrace trace) {
        if (trace == null) {
            return -1;
        }
        Integer cached = stackCache.get(trace);
        if (cached != null) {
            return cached;
        }
        List<RecordedFrame> frames = trace.getFrames();
        int stack = -1;
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame frame = frames.get(i);
            FrameType type = FrameType.fromJfr(frame.getType());
            int method = method(frame.getMethod(), type);
            stack = store.stack(stack, store.frame(method, frame.getLineNumber(), type), trace.isTruncated());
        }
        stackCache.put(trace, stack);
        return stack;
    }

    private int method(RecordedMethod method, FrameType type) {
        if (method == null) {
            return store.method(ModelNames.method(null, null, null, 0, false, type));
        }
        Integer cached = methodCache.get(method);
        if (cached != null) {
            return cached;
        }
        int id = store.method(ModelNames.method(method.getType() == null ? null : method.getType().getName(),
                method.getName(), method.getDescriptor(), method.getModifiers(), method.isHidden(), type));
        methodCache.put(method, id);
        return id;
    }

    /** The model's writer, for the file reader of this package. */
    ProfileStore store() {
        return store;
    }

    /** Records the JVM that wrote the recording ({@code jdk.JVMInformation}). */
    void jvm(String version, String name) {
        jvmVersion = version;
        jvmName = name;
    }
}
