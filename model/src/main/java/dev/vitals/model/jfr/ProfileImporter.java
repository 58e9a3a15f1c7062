package dev.vitals.model.jfr;

import dev.vitals.model.FrameType;
import dev.vitals.model.MethodInfo;
import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.RecordingInfo;
import dev.vitals.model.ThreadInfo;
import dev.vitals.model.internal.ProfileStore;
import dev.vitals.model.jfr.internal.DecodedStack;
import dev.vitals.model.jfr.internal.EventHandler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * The one importer of JFR events into a {@link Profile}, for files and live streams alike: call
 * {@link #accept(RecordedEvent)} for every event (from {@code RecordingFile}, {@code EventStream}
 * or a {@code RemoteRecordingStream}), then {@link #publish()} to make the batch visible to readers
 * as one new snapshot. A batch that must not count (a chunk that failed half-way) is dropped with
 * {@link #discard()}.
 *
 * <p>Constant-pool objects (stack traces, methods, threads) are resolved once per chunk by the JDK's
 * parser, so they are cached here by identity until the next publish; the content is interned in
 * the model, so a cache miss costs time, never correctness. Single-threaded: one importer per
 * stream, called from one thread.
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

    /** Adds one event to the pending batch. */
    public void accept(RecordedEvent event) {
        accept(event, event.getStackTrace(), null);
    }

    /**
     * Adds one event whose stack trace was read already, and, when the trace is new in this batch,
     * decoded too ({@code null} otherwise: it is decoded here if needed).
     */
    void accept(RecordedEvent event, RecordedStackTrace trace, DecodedStack decoded) {
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
                    thread(event.getThread(handler.threadField())), stack(trace, decoded),
                    handler.weight(event));
            case SERIES -> handler.addSeries(event, start, store);
            case INTERVAL -> store.addInterval(start, handler.durationNanos(event),
                    thread(handler.hasThread() ? event.getThread() : null),
                    handler.hasStack() ? stack(trace, decoded) : -1, handler.typeIndex(),
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
        String name = thread.getJavaName();
        if (name == null || name.isEmpty()) {
            name = thread.getOSName();
        }
        long javaId = thread.getJavaThreadId();
        long osId = thread.getOSThreadId();
        if (name == null || name.isEmpty()) {
            name = "thread-" + (javaId > 0 ? javaId : osId);
        }
        int index = store.thread(new ThreadInfo(Math.max(javaId, 0), osId, name, thread.isVirtual()));
        threadCache.put(thread, index);
        return index;
    }

    private int stack(RecordedStackTrace trace, DecodedStack decoded) {
        if (trace == null) {
            return -1;
        }
        Integer cached = stackCache.get(trace);
        if (cached != null) {
            return cached;
        }
        DecodedStack frames = decoded != null ? decoded : DecodedStack.of(trace);
        int stack = -1;
        for (int i = 0; i < frames.depth(); i++) {
            FrameType type = frames.types()[i];
            int method = method(frames.methods()[i], type);
            stack = store.stack(stack, store.frame(method, frames.lines()[i], type), frames.truncated());
        }
        stackCache.put(trace, stack);
        return stack;
    }

    private int method(RecordedMethod method, FrameType type) {
        Integer cached = methodCache.get(method);
        if (cached != null) {
            return cached;
        }
        String className = method.getType() == null ? "" : method.getType().getName();
        if (className == null) {
            className = "";
        }
        String packageName = "";
        int dot = className.lastIndexOf('.');
        if (type.isJava() && dot > 0) {
            packageName = className.substring(0, dot);
        }
        int id = store.method(new MethodInfo(className, method.getName(), nullToEmpty(method.getDescriptor()),
                method.getModifiers(), method.isHidden(), packageName));
        methodCache.put(method, id);
        return id;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
