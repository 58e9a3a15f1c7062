package dev.vitals.views;

import dev.vitals.model.ProfileSnapshot;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;

/**
 * A view of one profile snapshot that reads and writes the shared {@link SelectionModel}: the two
 * properties every linked view has. Live views get a new snapshot each tick.
 */
public abstract class ProfileControl extends Control {
    private final ObjectProperty<ProfileSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObjectProperty<SelectionModel> selectionModel = new SimpleObjectProperty<>(this, "selectionModel");

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
}
