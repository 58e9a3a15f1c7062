package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.control.Control;

/**
 * A view of one profile snapshot that reads and writes the shared {@link SelectionModel}: the
 * properties every linked view has. Live views get a new snapshot each tick. The view's queries
 * ({@link #newQuery}) run on {@link #queryExecutorProperty()}; while one is in flight
 * {@link #computingProperty()} is true and the view keeps showing its last answer.
 * {@link #answeredProperty()} names the snapshot of the newest answer shown, so
 * {@link #hasAnswered()} says when the view shows its own snapshot's answers.
 */
public abstract class ProfileControl extends Control implements ViewColours.Styled {
    private final ViewColours viewColours = new ViewColours(this);
    private final ObjectProperty<ProfileSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObjectProperty<SelectionModel> selectionModel = new SimpleObjectProperty<>(this, "selectionModel");
    private final ObjectProperty<Executor> queryExecutor = new SimpleObjectProperty<>(this, "queryExecutor");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper queryFailure = new ReadOnlyStringWrapper(this, "queryFailure");
    private final ReadOnlyObjectWrapper<ProfileSnapshot> answered = new ReadOnlyObjectWrapper<>(this, "answered");
    private int running;

    protected ProfileControl() {
        getStyleClass().add(ViewColours.STYLE_CLASS);
    }

    /** The profile shown; replace it each live tick. */
    public final ObjectProperty<ProfileSnapshot> snapshotProperty() {
        return snapshot;
    }

    public final ProfileSnapshot getSnapshot() {
        return snapshot.get();
    }

    public final void setSnapshot(ProfileSnapshot value) {
        snapshot.set(value);
    }

    /** The shared selection. */
    public final ObjectProperty<SelectionModel> selectionModelProperty() {
        return selectionModel;
    }

    public final SelectionModel getSelectionModel() {
        return selectionModel.get();
    }

    public final void setSelectionModel(SelectionModel value) {
        selectionModel.set(value);
    }

    /**
     * Where the view's queries run (the app's query thread); {@code null}, the default, computes them
     * on the JavaFX thread when the view is laid out, as headless rendering wants.
     */
    public final ObjectProperty<Executor> queryExecutorProperty() {
        return queryExecutor;
    }

    public final Executor getQueryExecutor() {
        return queryExecutor.get();
    }

    public final void setQueryExecutor(Executor value) {
        queryExecutor.set(value);
    }

    /** True while one of the view's queries is in flight. */
    public final ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public final boolean isComputing() {
        return computing.get();
    }

    /** What the last failed query threw, in words, or {@code null} once a query succeeds. */
    public final ReadOnlyStringProperty queryFailureProperty() {
        return queryFailure.getReadOnlyProperty();
    }

    /** The snapshot the newest answer shown was computed from, or {@code null} before the first. */
    public final ReadOnlyObjectProperty<ProfileSnapshot> answeredProperty() {
        return answered.getReadOnlyProperty();
    }

    /**
     * True when the view shows the answers to its snapshot and none is in flight: the newest answer
     * shown is of {@link #getSnapshot()}, or the view's query failed (no answer will come), or it has
     * nothing to ask ({@link #asks()} false, or no snapshot). False from a new snapshot (or a new
     * request) until its answer is shown.
     */
    public final boolean hasAnswered() {
        ProfileSnapshot shown = getSnapshot();
        return !isComputing() && (shown == null || !asks() || shown.equals(answered.get()) || queryFailure.get() != null);
    }

    /**
     * Whether the view, as set up now, asks its snapshot anything (a view that needs an event type
     * or a time axis asks nothing without one); true by default.
     */
    protected boolean asks() {
        return true;
    }

    /**
     * A query of this view for its skin: runs on {@link #queryExecutorProperty()}, counts towards
     * {@link #computingProperty()}, reports failures in {@link #queryFailureProperty()} and the
     * snapshot of each answer shown in {@link #answeredProperty()}.
     */
    public final <Q extends SnapshotRequest, R> LatestQuery<Q, R> newQuery(Function<Q, R> compute, BiConsumer<Q, R> onResult) {
        LatestQuery<Q, R> query = new LatestQuery<>(this::getQueryExecutor, compute, (q, r) -> {
            queryFailure.set(null);
            answered.set(q.snapshot());
            onResult.accept(q, r);
        }, failure -> queryFailure.set(failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage())));
        query.runningProperty().addListener((obs, was, is) -> {
            running += is ? 1 : -1;
            computing.set(running > 0);
        });
        return query;
    }

    /** The colours the view paints its chrome with, from CSS. */
    @Override
    public final ViewColours viewColours() {
        return viewColours;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return ViewColours.CONTROL_CSS_META_DATA;
    }
}
