package dev.vitals.app.ui;

import dev.vitals.model.RecordingInfo;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.Transform;
import java.time.Duration;
import java.time.Instant;

/** A recording, a selection of it and its transforms in words, as the session's views write them. */
final class RecordingText {
    private RecordingText() {
    }

    /** A selection's range in words: {@code whole recording} or seconds from the recording's start, {@code 1.000 s – 2.500 s}. */
    static String describeRange(Selection s, RecordingInfo info) {
        if (s.fromNanos() == Long.MIN_VALUE && s.toNanos() == Long.MAX_VALUE) {
            return "whole recording";
        }
        long start = info.startNanos();
        return String.format("%.3f s – %.3f s", (Math.max(s.fromNanos(), start) - start) / 1e9,
                (Math.min(s.toNanos(), info.endNanos()) - start) / 1e9);
    }

    /** The selection line: its range, threads, duration range, the events it takes samples during, and its frame. */
    static String describeSelection(Selection s, RecordingInfo info) {
        StringBuilder text = new StringBuilder("Selection: ").append(describeRange(s, info));
        text.append(s.threads().isEmpty() ? "  ·  all threads" : "  ·  " + s.threads().size() + " thread(s)");
        if (s.hasDurationRange()) {
            text.append("  ·  lasting ").append(Duration.ofNanos(s.minDurationNanos()).toMillis()).append(" ms – ")
                    .append(s.maxDurationNanos() == Long.MAX_VALUE ? "∞"
                            : Duration.ofNanos(s.maxDurationNanos()).toMillis() + " ms");
        }
        if (s.duringType() != null) {
            text.append("  ·  samples during ").append(shortName(s.duringType())).append(" events");
        }
        if (s.frameFilter() != null) {
            text.append("  ·  frame ").append(shortName(s.frameFilter()));
        }
        return text.toString();
    }

    /**
     * The recording in one line: its file's name (the whole path is the label's tooltip; a source
     * that is not a file path as it is), JVM, start and length.
     */
    static String describe(RecordingInfo info) {
        String source = info.source();
        StringBuilder text = new StringBuilder(source.startsWith("/") && source.length() > 1
                ? source.substring(source.lastIndexOf('/', source.length() - 2) + 1) : source);
        if (!info.jvmVersion().isEmpty()) {
            int detail = info.jvmVersion().indexOf(" for ");
            text.append("  ·  ").append(detail < 0 ? info.jvmVersion() : info.jvmVersion().substring(0, detail));
        }
        if (info.startNanos() != 0) {
            text.append("  ·  ").append(Instant.ofEpochSecond(info.startNanos() / 1_000_000_000L).toString().replace('T', ' '))
                    .append("  ·  ").append(formatDuration(Duration.ofNanos(info.durationNanos())));
        }
        return text.toString();
    }

    static String formatDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh %02dm %02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%dm %02ds", s / 60, s % 60)
                : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /** A transform's chip text. */
    static String describe(Transform transform) {
        return switch (transform) {
            case Transform.Focus f -> "Focus: " + shortName(f.method());
            case Transform.Merge m -> "Merged: " + shortName(m.method());
            case Transform.DropFrameType d -> "Without " + d.type().name().toLowerCase() + " frames";
            case Transform.CollapseRecursion c -> "Recursion collapsed: " + shortName(c.method());
        };
    }

    /** A method or type by its class's simple name and member: {@code Work.spike}. */
    static String shortName(String method) {
        int dot = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return dot < 0 ? method : method.substring(dot + 1);
    }
}
