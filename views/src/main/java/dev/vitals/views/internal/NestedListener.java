package dev.vitals.views.internal;

import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * Keeps a listener on an observable inside a replaceable property (the visible range of a
 * control's time axis, the selection of its selection model) and moves it when the property's
 * value is replaced, running {@code onSwap} after each replacement and once at the start.
 *
 * @param <T> the property's value type
 */
public final class NestedListener<T> {
    private final ObservableValue<T> owner;
    private final Function<T, Observable> inner;
    private final InvalidationListener listener;
    private final ChangeListener<T> swap;

    public NestedListener(ObservableValue<T> owner, Function<T, Observable> inner, InvalidationListener listener,
                          Runnable onSwap) {
        this.owner = owner;
        this.inner = inner;
        this.listener = listener;
        swap = (obs, was, is) -> {
            if (was != null) {
                inner.apply(was).removeListener(listener);
            }
            if (is != null) {
                inner.apply(is).addListener(listener);
            }
            onSwap.run();
        };
        owner.addListener(swap);
        swap.changed(owner, null, owner.getValue());
    }

    /** Removes both listeners. */
    public void dispose() {
        owner.removeListener(swap);
        T current = owner.getValue();
        if (current != null) {
            inner.apply(current).removeListener(listener);
        }
    }
}
