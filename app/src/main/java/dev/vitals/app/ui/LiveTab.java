package dev.vitals.app.ui;

import dev.vitals.app.LiveManifests;
import dev.vitals.attach.Connection;
import dev.vitals.attach.EventSink;
import dev.vitals.attach.LiveSession;
import dev.vitals.attach.LocalJvms;
import dev.vitals.attach.ModelSink;
import dev.vitals.attach.SessionEnd;
import dev.vitals.attach.SettingsProfile;
import dev.vitals.model.session.LiveSessionFolder;
import dev.vitals.model.session.SessionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import jdk.jfr.consumer.RecordedEvent;

/**
 * A live session with one local JVM: attaches and starts the stream off the FX thread, feeds every
 * event into the model through attach's {@link ModelSink} (a snapshot at each flush of the
 * stream), and shows the growing profile with a status line: events per second, the live delay
 * (event time to arrival), the data received, and how the session ended.
 */
final class LiveTab extends Tab implements SessionTab {
    private final long pid;
    private final Task<LiveSession> start;
    private final Label status = new Label("Attaching…");
    private final AtomicLong newestEventNanos = new AtomicLong();
    private final AtomicLong arrivalDelayNanos = new AtomicLong();
    private final AtomicLong dataBytes = new AtomicLong();
    private volatile LiveSession session;
    private volatile LiveSessionFolder folder;
    private volatile SettingsProfile profile;
    private final ModelSink model;
    private final SessionAnnotations annotations;
    private long eventsAtLastTick;
    private ProfileView view;
    private Timeline statusTick;

    /**
     * @param settings the recording settings: {@code default}, {@code detailed} or a {@code .jfc} file
     */
    LiveTab(long pid, String name, String settings, AlertDefaults alertDefaults) {
        super(name + " (" + pid + ")");
        this.pid = pid;
        annotations = new SessionAnnotations(null, alertDefaults.load());
        model = ModelSink.newModel("pid " + pid + " · " + name);
        EventSink sink = new EventSink() {
            @Override
            public void accept(RecordedEvent event) {
                long end = event.getEndTime().getEpochSecond() * 1_000_000_000L + event.getEndTime().getNano();
                newestEventNanos.accumulateAndGet(end, Math::max);
                model.accept(event);
            }

            @Override
            public void flushed() {
                model.flushed();
                long now = System.currentTimeMillis() * 1_000_000L;
                arrivalDelayNanos.set(Math.max(0, now - newestEventNanos.get()));
                LiveSession running = session;
                if (running != null) {
                    dataBytes.set(sizeOf(running));
                }
            }
        };
        start = new Task<>() {
            @Override
            protected LiveSession call() throws Exception {
                updateMessage("Waiting for JVM " + pid + " to accept attach…");
                awaitDiscoverable(pid, this::isCancelled);
                updateMessage("Attaching to JVM " + pid + "…");
                Connection connection = Connection.attach(pid);
                updateMessage("Starting the JFR stream…");
                try {
                    profile = SettingsProfile.resolve(settings);
                    folder = LiveSessionFolder.create(SessionFolders.forPid(pid), LiveManifests.of(connection, profile, 0, 0));
                    return LiveSession.start(connection, profile, folder.directory(), sink);
                } catch (Exception e) {
                    connection.close();
                    throw e;
                }
            }
        };
        setContent(new LoadingPane("Connecting to " + name + " (pid " + pid + ")", start));
        start.setOnSucceeded(e -> {
            session = start.getValue();
            boolean canTrace = session.connection().capabilities().hasMethodTrace();
            view = new ProfileView(model.profile(), true, frame -> canTrace && !frame.isRoot(), this::traceMethod,
                    annotations);
            view.setOnReveal(() -> getTabPane().getSelectionModel().select(this));
            BorderPane content = new BorderPane(view);
            content.setTop(controls());
            setContent(content);
            session.onEnd(end -> Platform.runLater(() -> ended(end)));
            statusTick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), tick -> updateStatus()));
            statusTick.setCycleCount(Timeline.INDEFINITE);
            statusTick.play();
        });
        start.setOnFailed(e -> setContent(new FailurePane("Could not attach to JVM " + pid, start.getException())));
        start.setOnCancelled(e -> {
            if (getTabPane() != null) {
                getTabPane().getTabs().remove(this);
            }
        });
        setOnClosed(e -> close());
        Background.IMPORTS.submit(start);
    }

    long pid() {
        return pid;
    }

    /**
     * Waits (up to 10 s) until discovery lists the JVM: a JVM that was just started, such as the
     * demo workload, refuses attach until it has published itself.
     */
    private static void awaitDiscoverable(long pid, java.util.function.BooleanSupplier cancelled) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!LocalJvms.describe(pid).map(j -> j.attachable()).orElse(false) && System.nanoTime() < deadline && !cancelled.getAsBoolean()) {
            Thread.sleep(100);
        }
    }

    /** Stops the stream (data so far stays in the session folder) and the live updates. */
    void close() {
        start.cancel();
        if (session != null) {
            LiveSession s = session;
            Thread.ofVirtual().name("vitals-detach-" + pid).start(s::close);
        }
        if (statusTick != null) {
            statusTick.stop();
        }
        if (view != null) {
            view.stopUpdating();
        }
    }

    private HBox controls() {
        ToggleButton pause = new ToggleButton("Pause views");
        pause.setId("pause");
        view.pausedProperty().bind(pause.selectedProperty());
        Button save = new Button("Save…");
        save.setId("save-session");
        save.setTooltip(new javafx.scene.control.Tooltip("Save what has arrived so far as a .vitals session"));
        save.setOnAction(e -> chooseAndSave());
        Button stop = new Button("Stop");
        stop.setId("stop");
        stop.setOnAction(e -> {
            stop.setDisable(true);
            Thread.ofVirtual().name("vitals-stop-" + pid).start(session::stop);
        });
        status.setId("live-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, pause, save, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    @Override
    public ProfileView view() {
        return view;
    }

    @Override
    public void chooseAndSave() {
        if (session == null) {
            return;
        }
        SessionTab.chooseAndSave(getTabPane().getScene().getWindow(), folder.directory().getFileName() + ".vitals",
                this::saveTo, status::setText);
    }

    /**
     * Packs the session folder (its manifest with the span received so far, the bookmarks, notes and
     * alert rules as they are now, and every chunk) into {@code target}, off the FX thread; the
     * recording goes on.
     */
    CompletableFuture<Path> saveTo(Path target) {
        LiveSession running = session;
        SessionManifest annotated = annotations.applyTo(SessionManifest.empty(""));
        return CompletableFuture.supplyAsync(() -> {
            try {
                var info = model.profile().snapshot().info();
                folder.writeManifest(LiveManifests.of(running.connection(), profile, info.startNanos(), info.endNanos())
                        .withAnnotations(annotated.bookmarks(), annotated.alertRules(), annotated.notes()));
                folder.pack(target);
                return target;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Background.IMPORTS);
    }

    private void traceMethod(String method) {
        int dot = method.lastIndexOf('.');
        String filter = method.substring(0, dot) + "::" + method.substring(dot + 1);
        Thread.ofVirtual().name("vitals-trace-" + pid).start(() -> {
            try {
                session.updateSettings(SettingsProfile.methodTrace(filter));
                Platform.runLater(() -> status.setText("Tracing " + filter + " (jdk.MethodTrace)"));
            } catch (Exception e) {
                Platform.runLater(() -> status.setText("Could not trace " + filter + ": " + dev.vitals.app.UserMessages.describe(e)));
            }
        });
    }

    private void ended(SessionEnd end) {
        if (statusTick != null) {
            statusTick.stop();
        }
        view.stopUpdating();
        status.setText(String.format("Ended: %s  ·  %,d events kept in %s (Save… keeps them as a .vitals file)",
                end.message(), end.events(), session.directory()));
    }

    /** Once a second: events per second since the last tick, the live delay, and the data received. */
    private void updateStatus() {
        long events = session.events();
        long rate = events - eventsAtLastTick;
        eventsAtLastTick = events;
        status.setText(String.format("Live  ·  %,d events/s  ·  delay %.1f s  ·  %.1f MB recorded", rate,
                arrivalDelayNanos.get() / 1e9, dataBytes.get() / 1e6));
    }

    /** Adds up the session's chunk files; called on the stream's thread at each flush. */
    private static long sizeOf(LiveSession session) {
        long bytes = 0;
        try {
            for (Path chunk : session.chunkFiles()) {
                bytes += Files.size(chunk);
            }
        } catch (IOException e) {
            return -1;
        }
        return bytes;
    }
}
