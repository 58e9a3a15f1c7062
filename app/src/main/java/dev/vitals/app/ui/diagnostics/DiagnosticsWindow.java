package dev.vitals.app.ui.diagnostics;

import dev.vitals.attach.Diagnostics;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The diagnostic actions on one live session's JVM, in a window of their own beside the session:
 * threads, heap histograms, JVM facts, diagnostic commands and MBeans. Dumps and histograms taken
 * go into the session's {@link DiagnosticsKept}. Every action runs off the FX thread.
 */
public final class DiagnosticsWindow {
    private final Stage stage = new Stage();
    private final ThreadsView threads;
    private final MBeansView mbeans;
    private final DiagnosticsKept kept;

    /**
     * The window on a live session's JVM: every action, and what the session kept. (What an alert
     * rule takes when it fires is set with the rule, in Session → Alert Rules….)
     */
    public DiagnosticsWindow(Window owner, String title, Diagnostics diagnostics, DiagnosticsKept kept) {
        this.kept = kept;
        threads = new ThreadsView(diagnostics, kept);
        mbeans = new MBeansView(diagnostics);
        TabPane tabs = new TabPane(tab("Threads", "threads-tab", threads), tab("Heap Histogram", "histogram-tab",
                new HistogramView(diagnostics, kept)),
                tab("JVM", "facts-tab", new FactsView(diagnostics)), tab("Commands", "jcmd-tab", new JcmdView(diagnostics)),
                tab("MBeans", "mbeans-tab", mbeans));
        open(owner, title, tabs);
    }

    /** The window on a saved session: the dumps and histograms it kept, to read and compare; no JVM to ask. */
    public DiagnosticsWindow(Window owner, String title, DiagnosticsKept kept) {
        this.kept = kept;
        threads = new ThreadsView(null, kept);
        mbeans = null;
        open(owner, title, new TabPane(tab("Threads", "threads-tab", threads),
                tab("Heap Histogram", "histogram-tab", new HistogramView(null, kept))));
    }

    private void open(Window owner, String title, TabPane tabs) {
        tabs.setId("diagnostics-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        stage.initOwner(owner);
        stage.setTitle("Diagnostics — " + title);
        // no larger than the screen the session's window is on, and on it
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double width = Math.min(1100, screen.getWidth());
        double height = Math.min(720, screen.getHeight());
        stage.setScene(new Scene(tabs, width, height));
        stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        stage.setOnHidden(e -> {
            if (mbeans != null) {
                mbeans.stop();
            }
        });
    }

    private static Tab tab(String text, String id, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }

    /** Shows the window (in front if it is open already), on its threads, with a first dump taken if none was. */
    public void show() {
        boolean first = !stage.isShowing() && kept.threadDumps().isEmpty() && mbeans != null;
        stage.show();
        stage.toFront();
        if (first) {
            threads.takeDump();
        }
    }

    /** Closes the window; the session lives on. */
    public void close() {
        stage.close();
    }
}
