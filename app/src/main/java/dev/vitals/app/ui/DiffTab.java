package dev.vitals.app.ui;

import dev.vitals.app.RecordingFiles;
import dev.vitals.model.ProfileSnapshot;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.CallTrees;
import dev.vitals.model.query.Diff;
import dev.vitals.model.query.Selection;
import dev.vitals.views.flame.FlameGraph;
import java.nio.file.Path;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * A diff flame graph: the comparison's call tree drawn with its {@link Diff} against the baseline's,
 * so a frame that takes a larger share of the samples is red and a smaller one blue. Both trees and
 * their diff are built off the FX thread, from two selections of one profile or from two files.
 */
final class DiffTab extends Tab {
    /** What the tab shows: the diff of both trees and, in words, where each came from. */
    record Comparison(Diff diff, String baselineLabel, String comparisonLabel) {
    }

    private DiffTab(String title, String loading, Task<Comparison> work) {
        super(title);
        setTooltip(new Tooltip(title));
        setContent(new LoadingPane(loading, work));
        work.setOnSucceeded(e -> show(work.getValue()));
        work.setOnFailed(e -> setContent(new FailurePane("Could not compare", work.getException())));
        work.setOnCancelled(e -> {
            if (getTabPane() != null) {
                getTabPane().getTabs().remove(this);
            }
        });
        setOnClosed(e -> work.cancel());
    }

    /** Two selections of one snapshot (ranges, threads, event type), queried on {@link Background#QUERIES}. */
    static DiffTab ofSelections(ProfileSnapshot snapshot, Selection baseline, Selection comparison) {
        Task<Comparison> work = new Task<>() {
            @Override
            protected Comparison call() {
                updateMessage("Building both call trees…");
                return new Comparison(Diff.of(CallTrees.topDown(snapshot, baseline.withFrameFilter(null)),
                        CallTrees.topDown(snapshot, comparison.withFrameFilter(null))),
                        RecordingText.describeRange(baseline, snapshot.info()), RecordingText.describeRange(comparison, snapshot.info()));
            }
        };
        Background.QUERIES.submit(work);
        return new DiffTab("Diff: " + RecordingText.describeRange(comparison, snapshot.info()) + " vs " + RecordingText.describeRange(baseline, snapshot.info()),
                "Comparing two selections…", work);
    }

    /** Two recordings or sessions, each read whole (CPU samples), on {@link Background#IMPORTS}. */
    static DiffTab ofFiles(Path baseline, Path comparison) {
        Task<Comparison> work = new Task<>() {
            @Override
            protected Comparison call() throws Exception {
                CallTree before = read(baseline, 0);
                CallTree after = read(comparison, 1);
                return new Comparison(Diff.of(before, after), baseline.getFileName().toString(),
                        comparison.getFileName().toString());
            }

            private CallTree read(Path file, int index) throws Exception {
                updateMessage("Reading " + file.getFileName());
                ProfileSnapshot snapshot = RecordingFiles.open(file, (done, total) ->
                        updateProgress(index * total + done, 2L * total), this::isCancelled).snapshot();
                return CallTrees.topDown(snapshot, Selection.cpu());
            }
        };
        Background.IMPORTS.submit(work);
        return new DiffTab("Diff: " + comparison.getFileName() + " vs " + baseline.getFileName(),
                "Comparing " + comparison.getFileName() + " with " + baseline.getFileName() + "…", work);
    }

    private void show(Comparison comparison) {
        FlameGraph flame = new FlameGraph();
        flame.setId("diff-flame-graph");
        Diff diff = comparison.diff();
        flame.setDiff(diff);
        flame.setCallTree(diff.tree());
        Label heading = new Label(String.format("%s (%,d samples)  →  %s (%,d samples)  ·  red: larger share than in the baseline,"
                        + " blue: smaller", comparison.baselineLabel(), diff.baseline(0),
                comparison.comparisonLabel(), diff.comparison(0)));
        heading.setId("diff-heading");
        heading.setPadding(new Insets(4, 8, 4, 8));
        BorderPane pane = new BorderPane(flame);
        pane.setTop(heading);
        setContent(pane);
    }
}
