package dev.vitals.app.ui;

import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.HotMethod;
import dev.vitals.model.query.HotMethods;
import dev.vitals.model.query.Sandwich;
import dev.vitals.model.query.Selection;
import dev.vitals.model.query.StackTypes;
import java.util.List;

/**
 * What one session tab asks of the model: the call tree for the flame graph (top-down, inverted, or
 * the sandwich of one method) and the hot methods, both of one snapshot and one selection, and the
 * snapshot's event types with stacks (for the Events selector).
 *
 * @param sandwichMethod the method of the sandwich view, or {@code null} for the plain tree
 */
record ProfileQuery(ProfileSnapshot snapshot, Selection selection, boolean inverted, String sandwichMethod) {
    static final int HOT_METHODS = 200;

    /** The immutable answer, computed off the FX thread. */
    record Result(ProfileQuery query, CallTree tree, CallTree callers, List<HotMethod> hotMethods,
                  StackTypes stackTypes) {
    }

    Result run() {
        List<HotMethod> hot = HotMethods.of(snapshot, selection, HOT_METHODS);
        StackTypes types = StackTypes.of(snapshot);
        if (sandwichMethod != null) {
            Sandwich sandwich = CallTrees.sandwich(snapshot, selection, sandwichMethod);
            return new Result(this, sandwich.callees(), sandwich.callers(), hot, types);
        }
        CallTree tree = inverted ? CallTrees.bottomUp(snapshot, selection) : CallTrees.topDown(snapshot, selection);
        return new Result(this, tree, null, hot, types);
    }
}
