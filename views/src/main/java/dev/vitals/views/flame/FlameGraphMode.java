package dev.vitals.views.flame;

/**
 * Which kind of call tree a flame graph shows. The control paints whatever trees it is given; the
 * mode tells it how to label and arrange them, and tells the app which tree to supply.
 */
public enum FlameGraphMode {
    /** {@link FlameGraph#callTreeProperty()} is a top-down tree: roots are thread entry points. */
    TOP_DOWN,
    /** {@link FlameGraph#callTreeProperty()} is a bottom-up (inverted) tree: roots are leaf methods. */
    INVERTED,
    /**
     * The sandwich of one method: {@link FlameGraph#callersTreeProperty()} (the method's callers,
     * bottom-up from it) is drawn above a middle line growing up, {@link FlameGraph#callTreeProperty()}
     * (its callees, top-down from it) below it growing down.
     */
    SANDWICH
}
