package dev.vitals.model;

import dev.vitals.model.internal.ProfileStore;

/**
 * Builds a model from text stacks ("a;b;c 3", frames root first) for tests: each line is that many
 * CPU samples on thread "main", one millisecond apart in order of the lines. A frame "p.C.m" is
 * class "p.C", method "m"; a suffix "_[i]", "_[n]" or "_[k]" makes it inlined, native or kernel.
 */
public final class TextProfile {
    private TextProfile() {
    }

    public static ProfileSnapshot of(String text) {
        ProfileStore store = new ProfileStore();
        int thread = store.thread(new ThreadInfo(1, 1, "main", false));
        long time = 1_000_000_000L;
        for (String raw : text.strip().split("\n")) {
            String line = raw.strip();
            int space = line.lastIndexOf(' ');
            long count = Long.parseLong(line.substring(space + 1));
            int stack = -1;
            for (String frame : line.substring(0, space).split(";")) {
                FrameType type = FrameType.JIT;
                if (frame.endsWith("_[i]")) {
                    type = FrameType.INLINED;
                } else if (frame.endsWith("_[n]")) {
                    type = FrameType.NATIVE;
                } else if (frame.endsWith("_[k]")) {
                    type = FrameType.KERNEL;
                }
                if (frame.endsWith("]")) {
                    frame = frame.substring(0, frame.length() - 4);
                }
                int dot = frame.lastIndexOf('.');
                String className = dot < 0 ? "" : frame.substring(0, dot);
                int pkgDot = className.lastIndexOf('.');
                int method = store.method(new MethodInfo(className, frame.substring(dot + 1), "()V", 0, false,
                        pkgDot < 0 ? "" : className.substring(0, pkgDot)));
                stack = store.stack(stack, store.frame(method, 1, type), false);
            }
            for (long i = 0; i < count; i++) {
                store.addSample("jdk.ExecutionSample", SampleKind.CPU, time, thread, stack, 1);
                time += 1_000_000L;
            }
            store.count("jdk.ExecutionSample", count);
        }
        store.commit();
        return store.snapshot(new RecordingInfo("text", "", "", 1_000_000_000L, time, 0,
                store.counts(), java.util.List.of()));
    }
}
