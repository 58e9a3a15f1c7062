package dev.vitals.model.query;

import dev.vitals.model.FrameTable;
import dev.vitals.model.FrameType;
import dev.vitals.model.MethodTable;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.StackTable;
import dev.vitals.model.query.internal.SelectedStacks;

/**
 * Call-tree queries: pure functions of a snapshot and a {@link Selection}, linear in the selected
 * events plus the distinct stacks touched. Run them off the UI thread.
 */
public final class CallTrees {
    private CallTrees() {
    }

    /**
     * The top-down tree: root → callers → callees, self at the leaf frame. Stacks the JVM truncated
     * hang under a {@value StackTable#TRUNCATED_NAME} node (their outermost frames are unknown).
     */
    public static CallTree topDown(ProfileSnapshot snapshot, Selection selection) {
        Stacks stacks = new Stacks(snapshot);
        SelectedStacks.forEach(snapshot, selection, true, (frames, length, value) -> stacks.add(frames, 0, length, false, value));
        return stacks.builder.build();
    }

    /**
     * The bottom-up (inverted) tree: root → leaf frames → their callers ({@value StackTable#TRUNCATED_NAME}
     * last where cut). The self of a leaf frame (at depth 1) is its total, as in hot methods; callers have none.
     */
    public static CallTree bottomUp(ProfileSnapshot snapshot, Selection selection) {
        Stacks stacks = new Stacks(snapshot);
        SelectedStacks.forEach(snapshot, selection, true, (frames, length, value) ->
                stacks.add(frames, 0, length, true, value, 0));
        return stacks.builder.build();
    }

    /**
     * The sandwich of one method: its callers (inverted, starting at the method's outermost call in
     * each stack) and its callees (top-down from that call). Both trees have the method as the only
     * child of the root, with the same total.
     *
     * @param method a frame name ("pkg.Class.method")
     */
    public static Sandwich sandwich(ProfileSnapshot snapshot, Selection selection, String method) {
        Stacks callers = new Stacks(snapshot);
        Stacks callees = new Stacks(snapshot);
        MethodTable methods = snapshot.methods();
        boolean[] match = new boolean[methods.length()];
        for (int m = 0; m < match.length; m++) {
            match[m] = methods.frameName(m).equals(method);
        }
        FrameTable frames = snapshot.frames();
        SelectedStacks.forEach(snapshot, selection, (stack, length, value) -> {
            for (int k = 0; k < length; k++) {
                if (match[frames.method(stack[k])]) {
                    callers.add(stack, 0, k + 1, true, value);
                    callees.add(stack, k, length, false, value);
                    return;
                }
            }
        });
        return new Sandwich(method, callers.builder.build(), callees.builder.build());
    }

    /** Feeds frame-id stacks into a {@link CallTree.Builder} as method ids and types. */
    private static final class Stacks {
        final CallTree.Builder builder;
        final FrameTable frames;
        int[] methods = new int[64];
        FrameType[] types = new FrameType[64];

        Stacks(ProfileSnapshot snapshot) {
            MethodTable methodTable = snapshot.methods();
            this.builder = new CallTree.Builder(methodTable::frameName, m -> methodTable.get(m).packageName());
            this.frames = snapshot.frames();
        }

        void add(int[] stack, int from, int to, boolean reversed, long value) {
            add(stack, from, to, reversed, value, to - from - 1);
        }

        /** Adds frames {@code [from, to)}, leaf first when {@code reversed}; self to the frame at {@code selfAt}. */
        void add(int[] stack, int from, int to, boolean reversed, long value, int selfAt) {
            int n = to - from;
            if (n > methods.length) {
                methods = new int[n * 2];
                types = new FrameType[n * 2];
            }
            for (int i = 0; i < n; i++) {
                int frame = stack[reversed ? to - 1 - i : from + i];
                methods[i] = frames.method(frame);
                types[i] = frames.type(frame);
            }
            builder.add(methods, types, n, selfAt, value);
        }
    }
}
