package dev.vitals.attach;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts what a live session delivers: events per type, top frames of execution samples, traced methods. */
final class RecordingSink implements EventSink {
    final Map<String, LongAdder> byType = new ConcurrentHashMap<>();
    final Map<String, LongAdder> topFrames = new ConcurrentHashMap<>();
    final Map<String, LongAdder> tracedMethods = new ConcurrentHashMap<>();
    final AtomicLong flushes = new AtomicLong();

    @Override
    public void accept(RecordedEvent event) {
        String type = event.getEventType().getName();
        byType.computeIfAbsent(type, k -> new LongAdder()).increment();
        if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null && !event.getStackTrace().getFrames().isEmpty()) {
            RecordedFrame top = event.getStackTrace().getFrames().getFirst();
            topFrames.computeIfAbsent(name(top.getMethod()), k -> new LongAdder()).increment();
        }
        if (type.equals("jdk.MethodTrace")) {
            tracedMethods.computeIfAbsent(name(event.getValue("method")), k -> new LongAdder()).increment();
        }
    }

    @Override
    public void flushed() {
        flushes.incrementAndGet();
    }

    /** A sink that gives every event and flush to this one and then to {@code model}. */
    EventSink and(ModelSink model) {
        return new EventSink() {
            @Override
            public void accept(RecordedEvent event) {
                RecordingSink.this.accept(event);
                model.accept(event);
            }

            @Override
            public void flushed() {
                RecordingSink.this.flushed();
                model.flushed();
            }
        };
    }

    long count(String type) {
        LongAdder n = byType.get(type);
        return n == null ? 0 : n.sum();
    }

    long total() {
        return byType.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The method most often on top of execution samples. */
    String hottest() {
        return topFrames.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.sum(), b.sum())))
                .map(Map.Entry::getKey).orElse("(no samples)");
    }

    static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
