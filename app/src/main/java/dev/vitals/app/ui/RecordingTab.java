package dev.vitals.app.ui;

import dev.vitals.app.RecordingFiles;
import dev.vitals.app.Versions;
import dev.vitals.app.findings.AnalysisSource;
import dev.vitals.model.session.SessionFile;
import dev.vitals.app.ui.diagnostics.KeptDiagnosticsBar;
import dev.vitals.model.session.SessionDiagnostics;
import dev.vitals.model.session.SessionManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import dev.vitals.model.Profile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * A tab for one recording ({@code .jfr}) or session ({@code .vitals}): imports it off the FX thread
 * with progress and cancel, then shows its {@link ProfileView}, or says in words why it could not.
 * What was skipped or recovered is said in a line above the view. A session's bookmarks, notes and
 * alert rules come back with it; saving writes a {@code .vitals} file with them (a recording's
 * file as its chunk, a session's chunks copied).
 */
final class RecordingTab extends Tab implements SessionTab {
    private final Path file;
    private final Task<RecordingFiles> load;
    private final Consumer<String> status;
    private final SaveDialog saveDialog;
    private ProfileView view;
    private SessionManifest manifest;
    /** The thread dumps and histograms a session kept, read with it. */
    private volatile SessionDiagnostics keptDiagnostics = SessionDiagnostics.none();
    /** Why the diagnostics a session kept could not be read, or null. */
    private volatile String diagnosticsLost;

    /**
     * @param opened        called on the FX thread once the file has been read
     * @param alertDefaults the rules for a recording, or a session saved without any
     * @param status        shows a line in the window's status bar
     * @param saveDialog    asks where to save the session
     */
    RecordingTab(Path file, Consumer<Path> opened, AlertDefaults alertDefaults, Consumer<String> status,
                 SaveDialog saveDialog) {
        super(file.getFileName().toString());
        this.file = file;
        this.status = status;
        this.saveDialog = saveDialog;
        setTooltip(new Tooltip(file.toString()));
        load = new Task<>() {
            @Override
            protected RecordingFiles call() throws Exception {
                updateMessage("Reading " + file.getFileName());
                RecordingFiles files = RecordingFiles.open(file, (done, total) -> {
                    updateProgress(done, total);
                    updateMessage(String.format("%.1f of %.1f MB", done / 1e6, total / 1e6));
                }, this::isCancelled);
                if (files.manifest() != null) { // a .vitals file or a live session's folder left behind
                    try {
                        keptDiagnostics = SessionDiagnostics.read(file);
                    } catch (IOException e) {
                        diagnosticsLost = file.getFileName() + ": its thread dumps and histograms could not be read ("
                                + e.getMessage() + ")";
                    }
                }
                return files;
            }
        };
        setContent(new LoadingPane("Opening " + file.getFileName() + "…", load));
        load.setOnSucceeded(e -> {
            RecordingFiles files = load.getValue();
            var info = files.snapshot().info();
            manifest = files.manifest() != null ? files.manifest()
                    : new SessionManifest(SessionManifest.FORMAT_VERSION, Versions.vitals(), Map.of(), Map.of(),
                    info.startNanos(), info.endNanos(), List.of(), List.of(), "", null, List.of());
            view = new ProfileView(new Profile(files.snapshot()), false, frame -> false, method -> { },
                    new SessionAnnotations(files.manifest(), alertDefaults.load()));
            keptDiagnostics.snapshots().forEach(s -> view.annotations().snapshots()
                    .put(s.bookmark(), new KeptSnapshot(file, s.entry())));
            List<String> warnings = new ArrayList<>(files.warnings());
            if (diagnosticsLost != null) {
                warnings.add(diagnosticsLost);
            }
            setContent(KeptDiagnosticsBar.around(withWarnings(warnings, view), keptDiagnostics,
                    file.getFileName().toString()));
            analyse(files);
            opened.accept(file);
        });
        load.setOnFailed(e -> setContent(new FailurePane("Could not open " + file.getFileName(), load.getException())));
        load.setOnCancelled(e -> {
            if (getTabPane() != null) {
                getTabPane().getTabs().remove(this);
            }
        });
        setOnClosed(e -> {
            load.cancel();
            if (view != null) {
                view.findings().cancelRunning();
            }
        });
        Background.IMPORTS.submit(load);
    }

    /**
     * A session's saved findings are shown as they were; a recording (or a session saved without
     * them) is analysed once the flame graph and the time views show their first answers.
     */
    private void analyse(RecordingFiles files) {
        if (files.manifest() != null && files.manifest().findings() != null) {
            view.findings().show(files.manifest().findings());
            return;
        }
        view.afterFirstViews(() -> view.findings().analyse("the recording",
                (progress, cancelled) -> AnalysisSource.analyze(file, 1, progress, cancelled), findings -> { }));
    }

    Path file() {
        return file;
    }

    @Override
    public ProfileView view() {
        return view;
    }

    @Override
    public void chooseAndSave() {
        if (view == null) {
            return;
        }
        String name = file.getFileName().toString().replaceFirst("\\.(jfr|vitals)$", "") + ".vitals";
        saveDialog.chooseAndSave(getTabPane().getScene().getWindow(), name, this::saveTo, status);
    }

    /**
     * Writes the session with its bookmarks, notes and alert rules as they are now to {@code target}
     * (which may be the session's own file), off the FX thread.
     */
    CompletableFuture<Path> saveTo(Path target) {
        SessionManifest annotated = view.annotations().applyTo(manifest)
                .withFindings(view.findings().findingsProperty().get());
        boolean session = file.getFileName().toString().endsWith(".vitals");
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (session) {
                    SessionFile.resave(file, target, annotated);
                } else {
                    SessionFile.save(target, annotated, List.of(file));
                }
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Background.IMPORTS);
    }

    /** Above the view, a line saying what was skipped or recovered, each warning in its tooltip. */
    private static Node withWarnings(List<String> warnings, ProfileView view) {
        if (warnings.isEmpty()) {
            return view;
        }
        Label banner = new Label((warnings.size() == 1 ? "Warning: " : warnings.size() + " warnings. First: ") + warnings.getFirst());
        banner.setId("warnings");
        banner.getStyleClass().add("warning");
        banner.setWrapText(true);
        banner.setPadding(new Insets(4, 8, 4, 8));
        banner.setTooltip(new Tooltip(String.join("\n", warnings)));
        BorderPane pane = new BorderPane(view);
        pane.setTop(banner);
        return pane;
    }
}
