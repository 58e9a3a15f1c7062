package dev.vitals.app.ui.diagnostics;

import dev.vitals.model.session.SessionDiagnostics;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** Above a reopened session's view: what diagnostics it kept, and a button that shows them. */
public final class KeptDiagnosticsBar {
    private KeptDiagnosticsBar() {
    }

    /** {@code content} with the bar above it, or {@code content} as it is when the session kept nothing. */
    public static Node around(Node content, SessionDiagnostics kept, String title) {
        if (kept.items().isEmpty()) {
            return content;
        }
        int dumps = kept.threadDumps().size();
        int histograms = kept.histograms().size();
        int snapshots = kept.snapshots().size();
        long evidence = kept.items().stream().filter(i -> i.bookmark() != null).count();
        Label what = new Label("Kept with this session: " + dumps + (dumps == 1 ? " thread dump, " : " thread dumps, ")
                + histograms + (histograms == 1 ? " heap histogram" : " heap histograms")
                + (snapshots == 0 ? "" : ", " + snapshots + (snapshots == 1 ? " snapshot" : " snapshots"))
                + (evidence == 0 ? "" : " (" + evidence + " taken by alerts"
                        + (snapshots == 0 ? "" : "; a snapshot opens from its bookmark in Notes") + ")"));
        what.setId("kept-diagnostics");
        Button show = new Button("Show…");
        show.setId("show-kept-diagnostics");
        DiagnosticsKept items = new DiagnosticsKept(kept);
        show.setOnAction(e -> new DiagnosticsWindow(show.getScene().getWindow(), title, items).show());
        HBox bar = new HBox(8, what, show);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        BorderPane pane = new BorderPane(content);
        pane.setTop(bar);
        return pane;
    }
}
