package dev.vitals.app.ui;

import dev.vitals.app.Versions;
import dev.vitals.app.ui.diagnostics.AlertEvidence;
import dev.vitals.app.ui.diagnostics.DiagnosticsKept;
import dev.vitals.app.ui.diagnostics.DiagnosticsWindow;
import dev.vitals.attach.Connection;
import dev.vitals.attach.Diagnostics;
import dev.vitals.attach.LiveRecording;
import dev.vitals.attach.LiveSession;
import dev.vitals.attach.SessionEnd;
import dev.vitals.attach.SettingsProfile;
import dev.vitals.app.ui.findings.LiveFindings;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.session.Bookmark;
import dev.vitals.model.session.Bookmark.Origin;
import dev.vitals.model.session.SessionDiagnostics;
import dev.vitals.model.session.SessionManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * A live session with one JVM, local or remote ({@link LiveTarget}): connects and starts attach's
 * {@link LiveRecording} off the FX thread, and shows the profile it grows with a status line from its
 * {@link LiveRecording.Stats}: events per second, the live delay (event time to arrival), the data
 * received, the estimated overhead (and Vitals' own CPU), and how the session ended.
 * A session that ends (Stop, or the target went away) is packed into a {@code .vitals} file beside
 * its folder and the folder removed; {@link #close()} (the tab or window closed) leaves the folder,
 * to be offered for recovery at the next start.
 */
final class LiveTab extends Tab implements SessionTab {
    private final LiveTarget target;
    private final SaveDialog saveDialog;
    private final Task<LiveRecording> start;
    private final Label status = new Label("Attaching…");
    private final Label overheadLabel = new Label();
    /** The outcome of the user's last action on the recording (settings, trace, save); the status line is rewritten every second. */
    private final Label notice = new Label();
    private volatile LiveRecording recording;
    private final SessionAnnotations annotations;
    private final EventRate eventRate = new EventRate();
    private ProfileView view;
    private Timeline statusTick;
    private boolean closing;
    /** The settings recorded with: {@code default}, {@code detailed} or a {@code .jfc} path. */
    private String recordingWith;
    private CompletableFuture<Path> packed;
    /** Run once when the session ends or the tab closes (the demo workload Vitals started ends with it). */
    private final List<Runnable> whenDone = new ArrayList<>();
    /** Thread dumps and histograms taken in this session, saved with it. */
    private final DiagnosticsKept diagnosticsKept = new DiagnosticsKept(SessionDiagnostics.none());
    private DiagnosticsWindow diagnosticsWindow;
    private Diagnostics diagnostics;
    private AlertEvidence alertEvidence;
    /** A second after the annotations or diagnostics last changed, {@link #keepInFolder()}. */
    private final PauseTransition keepSoon = new PauseTransition(javafx.util.Duration.seconds(1));

    /**
     * @param settings the recording settings: {@code default}, {@code detailed} or a {@code .jfc} file
     * @param folders  where the session folder goes
     * @param saveDialog asks where to save the session; told of the {@code .vitals} file a session was
     *                   packed into when it ended
     * @param findingNotifications whether new live findings may be announced by a desktop notification
     */
    LiveTab(LiveTarget target, String settings, SessionFolders folders, AlertDefaults alertDefaults,
            SaveDialog saveDialog, BooleanSupplier findingNotifications) {
        super(target.title());
        this.target = target;
        this.saveDialog = saveDialog;
        annotations = new SessionAnnotations(null, alertDefaults.load());
        recordingWith = settings;
        start = new Task<>() {
            @Override
            protected LiveRecording call() throws Exception {
                Connection connection = target.connect(this::updateMessage, this::isCancelled);
                updateMessage("Starting the JFR stream…");
                try {
                    return LiveRecording.start(connection, SettingsProfile.resolve(settings),
                            folders.create(target.folderSuffix()), target.title(), Versions.vitals());
                } catch (Exception e) {
                    connection.close();
                    throw e;
                }
            }
        };
        setContent(new LoadingPane("Connecting to " + target.title(), start));
        start.setOnSucceeded(e -> {
            recording = start.getValue();
            LiveSession session = recording.session();
            boolean canTrace = session.connection().capabilities().hasMethodTrace();
            view = new ProfileView(recording.profile(), true, frame -> canTrace && !frame.isRoot(), this::traceMethod,
                    annotations);
            view.setOnReveal(() -> getTabPane().getSelectionModel().select(this));
            view.analyseLive(session::chunkFiles, LiveFindings.PERIOD, findingNotifications);
            BorderPane content = new BorderPane(view);
            content.setTop(controls());
            content.setBottom(statusBar());
            setContent(content);
            diagnostics = new Diagnostics(session.connection());
            alertEvidence = new AlertEvidence(diagnostics, diagnosticsKept, this::writeSnapshot, notice::setText);
            diagnosticsKept.snapshots().addListener((ListChangeListener<SessionDiagnostics.Snapshot>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(s -> annotations.snapshots()
                            .put(s.bookmark(), new KeptSnapshot(recording.directory(), s.entry())));
                }
            });
            annotations.bookmarks().addListener((ListChangeListener<Bookmark>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(this::evidenceFor);
                }
            });
            InvalidationListener changed = o -> keepSoon.playFromStart();
            List.of(annotations.bookmarks(), annotations.notesProperty(), annotations.rulesProperty(),
                    view.findings().findingsProperty(), diagnosticsKept.threadDumps(), diagnosticsKept.histograms(),
                    diagnosticsKept.snapshots()).forEach(o -> o.addListener(changed));
            keepSoon.setOnFinished(k -> keepInFolder());
            session.onEnd(end -> Platform.runLater(() -> ended(end)));
            statusTick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), tick -> updateStatus()));
            statusTick.setCycleCount(Timeline.INDEFINITE);
            statusTick.play();
        });
        start.setOnFailed(e -> setContent(new FailurePane("Could not connect to " + target.title(), start.getException())));
        start.setOnCancelled(e -> {
            if (getTabPane() != null) {
                getTabPane().getTabs().remove(this);
            }
        });
        setOnClosed(e -> close());
        Background.IMPORTS.submit(start);
    }

    /** Runs {@code action} on the FX thread once the session is connected and streaming. */
    void whenConnected(Runnable action) {
        start.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> action.run());
    }

    LiveTarget target() {
        return target;
    }

    /** The session folder, where the chunks, annotations and diagnostics are kept until it is packed. */
    Path sessionFolder() {
        return recording.directory();
    }

    /** The thread dumps and histograms taken in this session (on the FX thread). */
    DiagnosticsKept diagnosticsKept() {
        return diagnosticsKept;
    }

    /** True while the stream runs (connected and not yet ended). */
    boolean recording() {
        return recording != null && recording.session().end().isEmpty();
    }

    /**
     * Stops the stream and packs the session into a {@code .vitals} file beside its folder; the
     * future completes (off the FX thread) with that file once it is written.
     */
    CompletableFuture<Path> stopAndSave() {
        if (packed == null) {
            packed = new CompletableFuture<>();
        }
        CompletableFuture<Path> result = packed;
        LiveSession running = recording.session();
        Thread.ofVirtual().name("vitals-stop-" + target.key()).start(running::stop);
        return result;
    }

    /** Runs {@code action} on the FX thread once the session has ended (stopped, the target gone) or the tab closed. */
    void whenDone(Runnable action) {
        whenDone.add(action);
    }

    private void done() {
        List<Runnable> actions = List.copyOf(whenDone);
        whenDone.clear();
        actions.forEach(Runnable::run);
    }

    /**
     * Writes the bookmarks, notes, rules, findings and diagnostics as they are now into the session
     * folder (off the FX thread), so that a session recovered after a crash, or after its tab was
     * closed, holds them; not once the session has ended (it is packed then).
     */
    private void keepInFolder() {
        keepSoon.stop();
        if (!recording() || closing) {
            return;
        }
        UnaryOperator<SessionManifest> annotated = annotated();
        SessionDiagnostics kept = diagnosticsKept.snapshot();
        Path folder = recording.directory();
        packOffThread(running -> {
            running.keep(annotated, kept);
            return folder;
        }).exceptionally(failure -> {
            Platform.runLater(() -> notice.setText("Could not keep the bookmarks and diagnostics in " + folder + ": "
                    + dev.vitals.app.UserMessages.describe(failure)));
            return folder;
        });
    }

    /** Detaches: the stream and the live updates stop, the session folder stays as it is (recoverable), with what was added to it. */
    void close() {
        keepInFolder();
        done();
        closing = true;
        start.cancel();
        if (recording != null) {
            LiveRecording detached = recording;
            Thread.ofVirtual().name("vitals-detach-" + target.key()).start(detached::close);
        }
        if (statusTick != null) {
            statusTick.stop();
        }
        if (view != null) {
            view.stopUpdating();
        }
        if (diagnosticsWindow != null) {
            diagnosticsWindow.close();
        }
        if (alertEvidence != null) {
            alertEvidence.stop();
        }
    }

    /** Opens (or brings to front) the diagnostics window on this session's JVM. */
    private void showDiagnostics() {
        if (diagnosticsWindow == null) {
            diagnosticsWindow = new DiagnosticsWindow(getTabPane().getScene().getWindow(), target.title(), diagnostics,
                    diagnosticsKept);
        }
        diagnosticsWindow.show();
    }

    /** A bookmark added: if an alert rule's live firing made it, the rule takes its actions (a dump, a histogram, a snapshot) for it. */
    private void evidenceFor(Bookmark bookmark) {
        if (bookmark.origin().kind() == Origin.Kind.ALERT_RULE) {
            annotations.rulesProperty().get().stream().filter(r -> r.name().equals(bookmark.origin().name())).findFirst()
                    .ifPresent(rule -> alertEvidence.fired(rule.actions(), bookmark));
        }
    }

    /**
     * Writes an alert's snapshot (off the FX thread): the session's chunks from {@code fromNanos} on,
     * with the session's manifest as of now, the alert's bookmark its only one.
     */
    private void writeSnapshot(String entry, long fromNanos, Bookmark bookmark) throws IOException {
        recording.snapshot(entry, fromNanos, manifest -> manifest.withAnnotations(List.of(bookmark), List.of(), ""));
    }

    private Node controls() {
        ComboBox<String> recordWith = SettingsChoice.create("live-settings", recordingWith);
        recordWith.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(SettingsChoice.CUSTOM) && !now.equals(recordingWith)) {
                String before = recordingWith;
                recordingWith = now;
                changeRecording("Recording with the " + now + " settings", "Could not change the settings",
                        running -> running.switchTo(SettingsProfile.resolve(now)), () -> {
                    recordingWith = before;
                    SettingsChoice.select(recordWith, before);
                });
            }
        });
        LiveTopBar bar = new LiveTopBar(new LiveWindowControls(view.liveWindow()), recordWith);
        bar.save().setOnAction(e -> chooseAndSave());
        bar.stop().setOnAction(e -> {
            bar.stop().setDisable(true);
            stopAndSave();
        });
        bar.diagnostics().setOnAction(e -> showDiagnostics());
        return bar.node();
    }

    /** The live status at the bottom: events/s, delay and data, the notice, the overhead. */
    private FlowPane statusBar() {
        overheadLabel.setTooltip(new javafx.scene.control.Tooltip("The target's cost of recording: the time JFR spends writing"
                + " (jdk.Flush, where the JDK reports it), else the configured sampling period; the target JVM's CPU;"
                + " and this Vitals process's CPU (a share of the whole machine)"));
        return statusBar(status, notice, overheadLabel);
    }

    /**
     * Lays out the live status line: the status, the notice and the overhead, each as wide as its
     * text, side by side while they fit and each whole on a line of its own when the tab is narrower
     * (a status longer than the whole line wraps), so nothing is cut with an ellipsis and the line
     * never grows over the views (the saved file shows by name, its full path in the tooltip).
     */
    static FlowPane statusBar(Label status, Label notice, Label overhead) {
        status.setId("live-status");
        overhead.setId("overhead");
        overhead.getStyleClass().add("text-muted");
        notice.setId("live-notice");
        notice.getStyleClass().add("text-muted");
        FlowPane bar = new FlowPane(24, 2, status, notice, overhead);
        bar.setId("live-status-bar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setRowValignment(VPos.CENTER);
        bar.setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default;"
                + " -fx-border-width: 1 0 0 0;");
        for (Label label : List.of(status, notice, overhead)) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            label.maxWidthProperty().bind(bar.widthProperty().subtract(16));
            label.managedProperty().bind(label.textProperty().isNotEmpty());
        }
        return bar;
    }

    /** Says where an ended session was saved: the file's name, with its full path in the status's tooltip. */
    static void showSaved(Label status, SessionEnd end, Path file) {
        status.setText(String.format("Ended: %s  ·  %,d events saved to %s", end.message(), end.events(), file.getFileName()));
        status.setTooltip(new javafx.scene.control.Tooltip(file.toString()));
    }

    @Override
    public ProfileView view() {
        return view;
    }

    @Override
    public void chooseAndSave() {
        if (recording == null) {
            return;
        }
        saveDialog.chooseAndSave(getTabPane().getScene().getWindow(), recording.besideFolder().getFileName().toString(),
                this::saveTo, notice::setText);
    }

    /**
     * Packs the session folder (its manifest with the span received so far, the bookmarks, notes and
     * alert rules as they are now, and every chunk) into {@code target}, off the FX thread; the
     * recording goes on.
     */
    CompletableFuture<Path> saveTo(Path target) {
        return packOffThread(running -> running.save(target, annotated(), diagnosticsKept.snapshot()));
    }

    /**
     * What the session holds now, for its manifest (read on the FX thread): the bookmarks, notes and
     * alert rules, and the findings.
     */
    private UnaryOperator<SessionManifest> annotated() {
        SessionManifest annotated = annotations.applyTo(SessionManifest.empty(""));
        Findings findings = view.findings().findingsProperty().get();
        return manifest -> manifest.withAnnotations(annotated.bookmarks(), annotated.alertRules(), annotated.notes())
                .withFindings(findings);
    }

    /** Writing a session file from the recording, off the FX thread. */
    @FunctionalInterface
    private interface Packing<T> {
        T pack(LiveRecording running) throws IOException;
    }

    private <T> CompletableFuture<T> packOffThread(Packing<T> packing) {
        LiveRecording running = recording;
        return CompletableFuture.supplyAsync(() -> {
            try {
                return packing.pack(running);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Background.IMPORTS);
    }

    private void traceMethod(String method) {
        int dot = method.lastIndexOf('.');
        String filter = method.substring(0, dot) + "::" + method.substring(dot + 1);
        changeRecording("Tracing " + filter + " (jdk.MethodTrace)", "Could not trace " + filter,
                running -> running.session().updateSettings(SettingsProfile.methodTrace(filter)), () -> { });
    }

    /** A change to the running recording. */
    @FunctionalInterface
    private interface RecordingChange {
        void apply(LiveRecording running) throws Exception;
    }

    /**
     * Applies {@code change} off the FX thread (it talks to the target), then says in the notice how it
     * went; {@code undo} runs on the FX thread when it failed, to show what is still in force.
     */
    private void changeRecording(String done, String failed, RecordingChange change, Runnable undo) {
        LiveRecording running = recording;
        Thread.ofVirtual().name("vitals-change-" + target.key()).start(() -> {
            try {
                change.apply(running);
                Platform.runLater(() -> notice.setText(done));
            } catch (Exception e) {
                Platform.runLater(() -> {
                    notice.setText(failed + ": " + dev.vitals.app.UserMessages.describe(e));
                    undo.run();
                });
            }
        });
    }

    /** Unless the tab is closing (then the folder stays for recovery), packs the session and removes its folder. */
    private void ended(SessionEnd end) {
        done();
        if (statusTick != null) {
            statusTick.stop();
        }
        view.stopUpdating();
        if (closing) {
            return;
        }
        if (packed == null) {
            packed = new CompletableFuture<>();
        }
        Path file = recording.besideFolder();
        status.setText(String.format("Ended: %s  ·  saving %,d events to %s…", end.message(), end.events(), file.getFileName()));
        UnaryOperator<SessionManifest> annotated = annotated();
        SessionDiagnostics evidence = diagnosticsKept.snapshot();
        packOffThread(running -> {
            running.stopAndPack(file, annotated, evidence);
            return file;
        }).whenComplete((done, failure) -> {
            Platform.runLater(() -> {
                if (failure == null) {
                    showSaved(status, end, done);
                    saveDialog.saved(done);
                    // the folder is gone: the alerts' snapshots are now in the packed file
                    annotations.snapshots().replaceAll((bookmark, kept) -> new KeptSnapshot(done, kept.entry()));
                } else {
                    status.setText(String.format("Ended: %s  ·  could not save (%s); the data stays in %s", end.message(),
                            dev.vitals.app.UserMessages.describe(failure), recording.directory()));
                }
            });
            if (failure == null) {
                packed.complete(done);
            } else {
                packed.completeExceptionally(failure);
            }
        });
    }

    /** Once a second: events per second over the last seconds ({@link EventRate}), the live delay, the data received, and the overhead. */
    private void updateStatus() {
        LiveRecording.Stats stats = recording.stats();
        long rate = eventRate.add(System.nanoTime(), stats.events());
        status.setText(String.format("Live %s  ·  %,d events/s  ·  delay %.1f s  ·  %.1f MB recorded",
                stats.transport() == LiveSession.Transport.REPOSITORY ? "from local files" : "over JMX", rate,
                stats.arrivalDelayNanos() / 1e9, stats.dataBytes() / 1e6));
        double own = stats.ownCpu();
        double findingsCpu = view.liveFindingsCpu();
        overheadLabel.setText(stats.overhead().describe()
                + (Double.isNaN(own) || own < 0 ? "" : String.format("  ·  Vitals %.1f %% CPU", 100 * own))
                + (Double.isNaN(findingsCpu) ? "" : String.format("  ·  findings %.1f s CPU/min", findingsCpu)));
    }
}
