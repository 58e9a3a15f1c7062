package dev.vitals.model.query;

/**
 * Callers and callees of one method.
 *
 * @param method  the frame name
 * @param callers inverted tree: root → method → its callers
 * @param callees top-down tree: root → method → its callees
 */
public record Sandwich(String method, CallTree callers, CallTree callees) {
    /** Weight of the stacks through the method. */
    public long total() {
        return callees.total(0);
    }

    /** Weight of the stacks whose leaf frame is the method (at its outermost call). */
    public long self() {
        int node = callees.findNode(method);
        return node < 0 ? 0 : callees.self(node);
    }
}
