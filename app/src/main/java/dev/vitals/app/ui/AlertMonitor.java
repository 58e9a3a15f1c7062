package dev.vitals.app.ui;

import dev.vitals.model.Profile;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.alert.AlertEvaluator;
import dev.vitals.model.alert.AlertEpisode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;

/**
 * Runs a session's alert rules on {@link Background#ALERTS} and puts what fires into its
 * {@link SessionAnnotations#alerts()}. A recording is evaluated once as a whole; a live profile once
 * a second over the data new since the last evaluation, and the alert episodes that alerts found in
 * new data start (not those found catching up after the rules changed, nor firings that extend an
 * episode) go to {@code started} (notification, bookmark).
 * Changing the rules starts over with a new evaluator; an answer for old rules is dropped.
 */
final class AlertMonitor {
    private final Profile profile;
    private final SessionAnnotations annotations;
    private final Consumer<List<AlertEpisode>> started;
    private final Consumer<Throwable> failed;
    private final Timeline tick;
    private boolean complete;
    private AlertEvaluator evaluator;
    private int generation;
    private ProfileSnapshot evaluated;
    private boolean caughtUp;
    private boolean running;
    private boolean wanted;

    AlertMonitor(Profile profile, boolean live, SessionAnnotations annotations, Consumer<List<AlertEpisode>> started,
                 Consumer<Throwable> failed) {
        this.profile = profile;
        this.annotations = annotations;
        this.started = started;
        this.failed = failed;
        this.complete = !live;
        tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> evaluate()));
        tick.setCycleCount(Timeline.INDEFINITE);
        annotations.rulesProperty().addListener((obs, old, rules) -> restart());
        restart();
        if (live) {
            tick.play();
        }
    }

    /** The data are complete (the live session ended): decides the open windows and stops the tick. */
    void finish() {
        tick.stop();
        if (!complete) {
            complete = true;
            evaluated = null;
            evaluate();
        }
    }

    private void restart() {
        generation++;
        evaluator = new AlertEvaluator(annotations.rulesProperty().get());
        evaluated = null;
        caughtUp = false;
        annotations.clearAlerts();
        evaluate();
    }

    private void evaluate() {
        if (running) {
            wanted = true;
            return;
        }
        ProfileSnapshot snapshot = profile.snapshot();
        if (snapshot == evaluated) {
            return;
        }
        running = true;
        int asked = generation;
        AlertEvaluator rules = evaluator;
        boolean whole = complete;
        CompletableFuture.supplyAsync(() -> rules.advance(snapshot, whole), Background.ALERTS)
                .whenComplete((found, failure) -> Platform.runLater(() -> {
                    running = false;
                    if (failure != null) {
                        failed.accept(failure);
                    } else if (asked == generation) {
                        evaluated = snapshot;
                        List<AlertEpisode> episodes = annotations.addAlerts(found);
                        if (caughtUp && !episodes.isEmpty()) {
                            started.accept(episodes);
                        }
                        caughtUp = true;
                    }
                    if (wanted) {
                        wanted = false;
                        evaluate();
                    }
                }));
    }
}
