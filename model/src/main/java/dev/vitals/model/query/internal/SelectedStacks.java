package dev.vitals.model.query.internal;

import dev.vitals.model.FrameTable;
import dev.vitals.model.MethodTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.StackTable;
import dev.vitals.model.internal.LongIntMap;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.Transform;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct stacks of a selection with their summed values, after the frame filter and the
 * transforms. Work is linear in the selected events plus the distinct stacks times their depth.
 */
public final class SelectedStacks {
    private SelectedStacks() {
    }

    /** Receives one distinct (transformed) stack. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * @param frames frame ids, root first, valid in {@code [0, length)}; reused between calls
         * @param length number of frames (0: an event without a stack, or every frame removed)
         * @param value  the summed value of the events with this stack
         */
        void visit(int[] frames, int length, long value);
    }

    /** Calls {@code visitor} once per distinct selected stack (in order of first appearance). */
    public static void forEach(ProfileSnapshot snapshot, Selection selection, Visitor visitor) {
        forEach(snapshot, selection, false, visitor);
    }

    /**
     * Like {@link #forEach(ProfileSnapshot, Selection, Visitor)}; with {@code markTruncated}, a stack
     * the JVM truncated gets {@link dev.vitals.model.StackTable#TRUNCATED_FRAME} as its root frame
     * (after the transforms), so call trees show where stacks are incomplete.
     */
    public static void forEach(ProfileSnapshot snapshot, Selection selection, boolean markTruncated,
                               Visitor visitor) {
        LongIntMap slotOfStack = new LongIntMap(4096);
        int[][] stacks = {new int[1024]};
        long[][] values = {new long[1024]};
        int[] count = {0};
        SelectedEvents.forEach(snapshot, selection, (time, duration, thread, stack, value) -> {
            int slot = slotOfStack.get(stack);
            if (slot < 0) {
                slot = count[0]++;
                if (slot == stacks[0].length) {
                    stacks[0] = Arrays.copyOf(stacks[0], slot * 2);
                    values[0] = Arrays.copyOf(values[0], slot * 2);
                }
                stacks[0][slot] = stack;
                slotOfStack.put(stack, slot);
            }
            values[0][slot] += value;
        });
        Transformer transformer = new Transformer(snapshot, selection);
        int[] frames = new int[64];
        for (int slot = 0; slot < count[0]; slot++) {
            int stack = stacks[0][slot];
            int depth = stack < 0 ? 0 : snapshot.stacks().depth(stack);
            if (depth + 1 > frames.length) {
                frames = new int[depth * 2 + 1];
            }
            int length = snapshot.stacks().framesRootFirst(stack, frames);
            length = transformer.apply(frames, length);
            if (length >= 0 && markTruncated && stack >= 0 && snapshot.stacks().truncated(stack)) {
                System.arraycopy(frames, 0, frames, 1, length);
                frames[0] = StackTable.TRUNCATED_FRAME;
                length++;
            }
            if (length >= 0) {
                visitor.visit(frames, length, values[0][slot]);
            }
        }
    }

    /** Applies a selection's frame filter and transforms to one stack in place. */
    static final class Transformer {
        private final FrameTable frameTable;
        private final boolean[] filter;
        private final List<Transform> transforms;
        private final boolean[][] matches;

        Transformer(ProfileSnapshot snapshot, Selection selection) {
            this.frameTable = snapshot.frames();
            MethodTable methods = snapshot.methods();
            this.filter = selection.frameFilter() == null ? null : methodsNamed(methods, selection.frameFilter());
            this.transforms = selection.transforms();
            this.matches = new boolean[transforms.size()][];
            for (int i = 0; i < transforms.size(); i++) {
                matches[i] = switch (transforms.get(i)) {
                    case Transform.Focus(var method) -> methodsNamed(methods, method);
                    case Transform.Merge(var method) -> methodsNamed(methods, method);
                    case Transform.CollapseRecursion(var method) -> methodsNamed(methods, method);
                    case Transform.DropFrameType t -> null;
                };
            }
        }

        /** Returns the new length, or -1 if the stack is filtered out. */
        int apply(int[] frames, int length) {
            if (filter != null && firstMatch(frames, length, filter) < 0) {
                return -1;
            }
            int n = length;
            for (int i = 0; i < transforms.size(); i++) {
                boolean[] match = matches[i];
                switch (transforms.get(i)) {
                    case Transform.Focus f -> {
                        int first = firstMatch(frames, n, match);
                        if (first < 0) {
                            return -1;
                        }
                        System.arraycopy(frames, first, frames, 0, n - first);
                        n -= first;
                    }
                    case Transform.Merge m -> {
                        int kept = 0;
                        for (int k = 0; k < n; k++) {
                            if (!match[frameTable.method(frames[k])]) {
                                frames[kept++] = frames[k];
                            }
                        }
                        n = kept;
                    }
                    case Transform.DropFrameType(var type) -> {
                        int kept = 0;
                        for (int k = 0; k < n; k++) {
                            if (frameTable.type(frames[k]) != type) {
                                frames[kept++] = frames[k];
                            }
                        }
                        n = kept;
                    }
                    case Transform.CollapseRecursion c -> {
                        int kept = 0;
                        for (int k = 0; k < n; k++) {
                            int method = frameTable.method(frames[k]);
                            boolean repeat = kept > 0 && match[method] && frameTable.method(frames[kept - 1]) == method;
                            if (!repeat) {
                                frames[kept++] = frames[k];
                            }
                        }
                        n = kept;
                    }
                }
            }
            return n;
        }

        private int firstMatch(int[] frames, int length, boolean[] match) {
            for (int k = 0; k < length; k++) {
                if (match[frameTable.method(frames[k])]) {
                    return k;
                }
            }
            return -1;
        }

        private static boolean[] methodsNamed(MethodTable methods, String frameName) {
            boolean[] match = new boolean[methods.length()];
            for (int m = 0; m < match.length; m++) {
                match[m] = methods.frameName(m).equals(frameName);
            }
            return match;
        }
    }
}
