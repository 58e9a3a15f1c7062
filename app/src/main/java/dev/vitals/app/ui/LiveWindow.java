package dev.vitals.app.ui;

import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

/**
 * The one owner of what a session's views show: the snapshot every view (the flame graph, the hot
 * methods, the timeline, the charts, both heatmaps, the event table) answers from, and whether it
 * follows the newest data. Lives on the FX thread.
 * <p>
 * Invariants: {@link #shownProperty()} changes only in {@link Mode#FOLLOWING}, and only through
 * {@link #advance()}, so a selection made on the shown snapshot is answered from it by every view
 * until the user asks to follow again ({@link #follow()}, which extends the selection to the newest
 * data). A pointer moving over a view registered with {@link #holdWhileAiming} also defers
 * advancing until it has been still for {@link #AIM_NANOS}, so what is under the pointer when it
 * is pressed is what the press lands on, while a pointer left resting on a view does not stop the
 * views following. A finished recording is always {@link Mode#FOLLOWING} its only snapshot.
 */
final class LiveWindow {
    /** Whether the views follow the newest data. */
    enum Mode {
        /** Each tick shows the newest snapshot (unless the pointer is aiming at a view). */
        FOLLOWING,
        /** Held by the user's selection, drag, zoom or click: the views stay on the snapshot shown. */
        HELD,
        /** Paused by the user (Pause views): like held, until Resume or Live. */
        PAUSED
    }

    private final Profile profile;
    private final ReadOnlyObjectWrapper<ProfileSnapshot> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.FOLLOWING);
    /** How long after the pointer last moved over a view the views stay still: the time to aim and press. */
    static final long AIM_NANOS = 2_000_000_000L;

    /** When the pointer last moved over a registered view ({@link System#nanoTime()}), or none. */
    private long aimingSince;
    private boolean aiming;

    LiveWindow(Profile profile) {
        this.profile = profile;
        shown.set(profile.snapshot());
    }

    /** The snapshot the views show. */
    ReadOnlyObjectProperty<ProfileSnapshot> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ProfileSnapshot shown() {
        return shown.get();
    }

    /** Following, held or paused. */
    ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    Mode mode() {
        return mode.get();
    }

    /** True when newer data arrived than the views show. */
    boolean behind() {
        return profile.snapshot() != shown.get();
    }

    /** Shows the newest snapshot when following and the pointer is not aiming at a view; true if the shown one changed. */
    boolean advance() {
        ProfileSnapshot newest = profile.snapshot();
        if (aiming && System.nanoTime() - aimingSince < AIM_NANOS) {
            return false;
        }
        if (mode.get() != Mode.FOLLOWING || newest == shown.get()) {
            return false;
        }
        shown.set(newest);
        return true;
    }

    /** Holds the views where they are (a selection, a drag, a zoom, a click); a pause stays a pause. */
    void hold() {
        if (mode.get() == Mode.FOLLOWING) {
            mode.set(Mode.HELD);
        }
    }

    /** Pauses the views; the recording goes on. */
    void pause() {
        mode.set(Mode.PAUSED);
    }

    /** Follows the newest data again (Live ▸, Resume, End), showing it at once even under the pointer. */
    void follow() {
        mode.set(Mode.FOLLOWING);
        shown.set(profile.snapshot());
    }

    /** While the pointer moves over {@code node}, and for {@link #AIM_NANOS} after, the views do not advance. */
    void holdWhileAiming(Node node) {
        node.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            aiming = true;
            aimingSince = System.nanoTime();
        });
        node.addEventFilter(MouseEvent.MOUSE_EXITED, e -> {
            aiming = false;
            advance();
        });
    }
}
