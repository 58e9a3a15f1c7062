package dev.vitals.app.ui;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * The live tab's controls of its {@link LiveWindow}: what the views do now (following, held,
 * paused), Live ▸ (follow again; disabled while following) and Pause views / Resume.
 */
final class LiveWindowControls {
    private static final String FOLLOWING = "Following the newest data (still while you aim at a view)";
    private static final String HELD = "Views held on your selection; recording goes on";
    private static final String PAUSED = "Views paused; recording goes on";
    /** Every text the state shows. */
    static final List<String> STATES = List.of(FOLLOWING, HELD, PAUSED);
    private static final String PAUSE = "Pause views";
    private static final String RESUME = "Resume";
    /** Every text the pause button shows. */
    static final List<String> PAUSE_LABELS = List.of(PAUSE, RESUME);

    private final LiveWindow window;
    private final Label state = new Label();
    private final Button follow = new Button("Live ▸");
    private final Button pause = new Button();

    LiveWindowControls(LiveWindow window) {
        this.window = window;
        state.setId("live-mode");
        state.getStyleClass().add("text-muted");
        follow.setId("follow");
        follow.setTooltip(new Tooltip("Follow the newest data again (End)"));
        follow.setOnAction(e -> window.follow());
        pause.setId("pause");
        pause.setOnAction(e -> {
            if (window.mode() == LiveWindow.Mode.PAUSED) {
                window.follow();
            } else {
                window.pause();
            }
        });
        window.modeProperty().addListener((obs, old, mode) -> show());
        show();
    }

    /** What the views do now, in words. */
    Label state() {
        return state;
    }

    /** Live ▸: follow the newest data again. */
    Button follow() {
        return follow;
    }

    /** Pause views, or Resume while paused. */
    Button pause() {
        return pause;
    }

    private void show() {
        LiveWindow.Mode mode = window.mode();
        pause.setText(mode == LiveWindow.Mode.PAUSED ? RESUME : PAUSE);
        follow.setDisable(mode == LiveWindow.Mode.FOLLOWING);
        state.setText(switch (mode) {
            case FOLLOWING -> FOLLOWING;
            case HELD -> HELD;
            case PAUSED -> PAUSED;
        });
    }
}
