package dev.vitals.app.ui.findings;

import dev.vitals.analysis.AnalysisProgress;
import dev.vitals.app.UserMessages;
import dev.vitals.model.finding.Finding;
import dev.vitals.model.finding.FindingSeverity;
import dev.vitals.model.finding.Findings;
import dev.vitals.model.finding.SkippedRule;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Findings view of a session: the automated analysis's findings, worst first (severity, then
 * score), filtered by severity, with the selected finding's summary, explanation and suggested
 * fix; below, the rules that could not run, why, and which recording setting would let them.
 * An analysis runs as a task on the executor given, with progress and cancel; the view shows the
 * last findings it got until the next arrive. Selecting a finding calls the {@code onSelect}
 * callback (the session narrows its selection to the evidence). Lives on the FX thread.
 */
public final class FindingsPane extends BorderPane {
    private final Executor executor;
    private final Consumer<Finding> onSelect;
    private final ReadOnlyObjectWrapper<Findings> findings = new ReadOnlyObjectWrapper<>(this, "findings");
    private final ObjectProperty<FindingSeverity> minSeverity = new SimpleObjectProperty<>(this, "minSeverity",
            FindingSeverity.INFO);
    private final ListView<Finding> list = new ListView<>();
    private final ListView<SkippedRule> skipped = new ListView<>();
    private final TitledPane skippedPane = new TitledPane("Rules that could not run", skipped);
    private final TextArea detail = new TextArea();
    private final Label status = new Label("Not analysed yet");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private Task<Findings> running;

    /** @param executor where analyses run (one at a time keeps a 2-core machine responsive) */
    public FindingsPane(Executor executor, Consumer<Finding> onSelect) {
        this.executor = executor;
        this.onSelect = onSelect;
        setId("findings");
        list.setId("findings-list");
        list.setCellFactory(v -> new FindingCell());
        list.setPlaceholder(new Label("No findings at this severity"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, finding) -> {
            detail.setText(finding == null ? "" : FindingText.detail(finding));
            if (finding != null) {
                onSelect.accept(finding);
            }
        });
        detail.setId("finding-detail");
        detail.setEditable(false);
        detail.setWrapText(true);
        skipped.setId("skipped-rules");
        skipped.setCellFactory(v -> new SkippedCell());
        skippedPane.setExpanded(false);
        SplitPane center = new SplitPane(list, detail);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.55);
        VBox.setVgrow(center, Priority.ALWAYS);
        setTop(toolbar());
        setCenter(center);
        setBottom(skippedPane);
        findings.addListener((obs, old, now) -> refill());
        minSeverity.addListener((obs, old, now) -> refill());
    }

    /** The findings shown, {@code null} before the first arrive. */
    public ReadOnlyObjectProperty<Findings> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    /** The least severity listed (and drawn as markers). */
    public ObjectProperty<FindingSeverity> minSeverityProperty() {
        return minSeverity;
    }

    /**
     * Selects a finding in the list and narrows the session to its evidence (also when it is selected
     * already, or no longer listed: a later evaluation replaced it, or it is below the severity shown).
     */
    public void select(Finding finding) {
        if (!list.getItems().contains(finding)) {
            list.getSelectionModel().clearSelection();
            onSelect.accept(finding);
        } else if (finding.equals(list.getSelectionModel().getSelectedItem())) {
            onSelect.accept(finding);
        } else {
            list.getSelectionModel().select(finding);
            list.scrollTo(finding);
        }
    }

    /** Shows findings computed before (a session's saved ones), cancelling an analysis that runs. */
    public void show(Findings saved) {
        cancelRunning();
        findings.set(saved);
        status.setText(summary(saved));
    }

    /**
     * Runs an analysis off the FX thread with progress and cancel, replacing what is shown when it
     * succeeds; an analysis still running is cancelled first.
     *
     * @param what      what is analysed, for the status line ("the recording", "the last 2 minutes")
     * @param analysis  the analysis, given the task's progress and cancellation
     * @param onSuccess called on the FX thread with the new findings, before they are shown
     */
    public void analyse(String what, Analysis analysis, Consumer<Findings> onSuccess) {
        cancelRunning();
        Task<Findings> task = new Task<>() {
            @Override
            protected Findings call() throws Exception {
                updateMessage("Analysing " + what + "…");
                return analysis.run((done, total) -> {
                    if (total > 0) {
                        updateProgress(done, total);
                        updateMessage("Analysing " + what + ": " + done + " of " + total + " rules");
                    }
                }, this::isCancelled);
            }
        };
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        progress.setVisible(true);
        cancel.setVisible(true);
        task.setOnSucceeded(e -> {
            finished(task);
            onSuccess.accept(task.getValue());
            findings.set(task.getValue());
            status.setText(summary(task.getValue()));
        });
        task.setOnFailed(e -> {
            finished(task);
            status.setText("The analysis failed: " + UserMessages.describe(task.getException()));
        });
        task.setOnCancelled(e -> {
            finished(task);
            status.setText(findings.get() == null ? "Analysis cancelled" : summary(findings.get()) + " (newer analysis cancelled)");
        });
        executor.execute(task);
    }

    /** True while an analysis runs. */
    public boolean isAnalysing() {
        return running != null;
    }

    /** Cancels the analysis that runs, if any. */
    public void cancelRunning() {
        if (running != null) {
            running.cancel();
        }
    }

    private void finished(Task<Findings> task) {
        if (running == task) {
            running = null;
            status.textProperty().unbind();
            progress.progressProperty().unbind();
            progress.setVisible(false);
            cancel.setVisible(false);
        }
    }

    private ToolBar toolbar() {
        ComboBox<FindingSeverity> severity = new ComboBox<>();
        severity.setId("findings-severity");
        severity.getItems().setAll(FindingSeverity.WARNING, FindingSeverity.INFO, FindingSeverity.OK);
        severity.setConverter(new StringConverter<>() {
            @Override
            public String toString(FindingSeverity s) {
                return s == null ? "" : switch (s) {
                    case WARNING -> "Warnings";
                    case INFO -> "Info and warnings";
                    case OK -> "All rules";
                };
            }

            @Override
            public FindingSeverity fromString(String text) {
                return null;
            }
        });
        severity.valueProperty().bindBidirectional(minSeverity);
        status.setId("findings-status");
        progress.setVisible(false);
        progress.setPrefWidth(120);
        cancel.setId("findings-cancel");
        cancel.setVisible(false);
        cancel.setOnAction(e -> cancelRunning());
        // progress and Cancel before the status, whose text can be long: in a narrow pane it is the
        // status that is cut, not the button
        return new ToolBar(new Label("Show"), severity, progress, cancel, status);
    }

    private void refill() {
        Findings f = findings.get();
        Finding selected = list.getSelectionModel().getSelectedItem();
        List<Finding> shown = f == null ? List.of() : f.atLeast(minSeverity.get());
        list.getItems().setAll(shown);
        if (selected != null && shown.contains(selected)) {
            list.getSelectionModel().select(selected);
        }
        skipped.getItems().setAll(f == null ? List.of() : f.skipped());
        skippedPane.setText("Rules that could not run (" + skipped.getItems().size() + ")");
    }

    private static String summary(Findings f) {
        long warnings = f.findings().stream().filter(x -> x.severity() == FindingSeverity.WARNING).count();
        long infos = f.findings().stream().filter(x -> x.severity() == FindingSeverity.INFO).count();
        return String.format(Locale.ROOT, "%d warning%s, %d info · %d rules ran, %d could not", warnings,
                warnings == 1 ? "" : "s", infos, f.findings().size(), f.skipped().size());
    }

    /** One finding: severity, score, name and summary. */
    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("finding-warning", "finding-info");
            if (empty || f == null) {
                setText(null);
                return;
            }
            setText(FindingText.line(f));
            setWrapText(false);
            switch (f.severity()) {
                case WARNING -> getStyleClass().add("finding-warning");
                case INFO -> getStyleClass().add("finding-info");
                case OK -> { }
            }
        }
    }

    /** One rule that could not run: its name, why, and the setting that would enable it. */
    private static final class SkippedCell extends ListCell<SkippedRule> {
        @Override
        protected void updateItem(SkippedRule s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : FindingText.line(s));
        }
    }

    /** An analysis to run: reports progress and stops when cancelled. */
    @FunctionalInterface
    public interface Analysis {
        Findings run(AnalysisProgress progress, BooleanSupplier cancelled)
                throws Exception;
    }
}
