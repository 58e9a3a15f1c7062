package dev.vitals.views.internal;

import dev.vitals.views.ProfileControl;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * What a view says about its queries, in words: "computing…" once one has run for {@link #LATE}
 * (the view keeps its last picture meanwhile), what a failed one threw, or nothing ({@code null}).
 */
public final class QueryStatus {
    /** How long a query runs before the view says it is computing. */
    public static final Duration LATE = Duration.millis(250);

    private final ProfileControl control;
    private final Consumer<String> show;
    private final PauseTransition late = new PauseTransition(LATE);
    private boolean isLate;

    private QueryStatus(ProfileControl control, Consumer<String> show) {
        this.control = control;
        this.show = show;
        late.setOnFinished(e -> {
            isLate = true;
            update();
        });
        control.computingProperty().addListener((obs, was, is) -> {
            isLate = false;
            if (is) {
                late.playFromStart();
            } else {
                late.stop();
                update();
            }
        });
        control.queryFailureProperty().addListener(o -> update());
    }

    /** Calls {@code show} with the status text of the control's queries whenever it changes. */
    public static void follow(ProfileControl control, Consumer<String> show) {
        new QueryStatus(control, show);
    }

    private void update() {
        String failure = control.queryFailureProperty().get();
        show.accept(failure != null ? "The query failed: " + failure
                : control.isComputing() && isLate ? "computing\u2026" : null);
    }
}
