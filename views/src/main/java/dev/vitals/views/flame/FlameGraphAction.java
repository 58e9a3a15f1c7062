package dev.vitals.views.flame;

import dev.vitals.model.FrameType;

/**
 * A request a user made from a flame graph's context menu, published through
 * {@link FlameGraph#onActionProperty()}. The app turns each into a Selection transform, a view
 * change or a live method trace; the control itself never changes the tree it is given. A closed
 * set: a new request that nobody handles fails to compile.
 */
public sealed interface FlameGraphAction {
    /** The frame the request is about. */
    FlameFrame frame();

    /** Show only the stacks through this frame, with it as the root (a "focus on function" transform). */
    record Focus(FlameFrame frame) implements FlameGraphAction {
    }

    /** Remove this frame's method from every stack, giving its time to its callers ("merge function"). */
    record Merge(FlameFrame frame) implements FlameGraphAction {
    }

    /** Fold recursive calls of this frame's method into its outermost call. */
    record CollapseRecursion(FlameFrame frame) implements FlameGraphAction {
    }

    /** Remove all frames of this frame type from every stack. */
    record DropFrameType(FlameFrame frame, FrameType frameType) implements FlameGraphAction {
    }

    /** Show this frame's method in the sandwich view (its callers above, its callees below). */
    record ShowInSandwich(FlameFrame frame) implements FlameGraphAction {
    }

    /** Trace this method live ({@code jdk.MethodTrace} with a filter for it, JDK 25 targets). */
    record TraceMethod(FlameFrame frame) implements FlameGraphAction {
    }
}
