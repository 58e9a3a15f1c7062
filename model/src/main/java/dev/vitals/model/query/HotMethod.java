package dev.vitals.model.query;

/**
 * A method's share of a selection.
 *
 * @param method   frame name ("pkg.Class.method")
 * @param methodId the method's id in the model
 * @param self     value of the events whose leaf frame is this method
 * @param total    value of the events with this method anywhere in the stack (counted once)
 */
public record HotMethod(String method, int methodId, long self, long total) {
}
