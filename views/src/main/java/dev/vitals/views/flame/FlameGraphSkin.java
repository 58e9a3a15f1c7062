package dev.vitals.views.flame;

import dev.vitals.model.FrameType;
import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.Diff;
import dev.vitals.views.TableCells;
import dev.vitals.views.flame.internal.FlamePanel;
import dev.vitals.views.flame.internal.FramePalette;
import dev.vitals.views.flame.internal.FrameText;
import dev.vitals.views.flame.internal.TextFitter;
import dev.vitals.views.flame.internal.TreeColours;
import dev.vitals.views.flame.internal.TwoSidedBar;
import dev.vitals.views.internal.InteractiveControls;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The flame graph's look: a breadcrumb of the zoom path on top, one {@link FlamePanel} (or two in
 * sandwich mode: callers above, callees below) in the middle, and a bar with the search field, the
 * matched share, the colour toggle and the legend at the bottom. Input is handled by
 * {@link FlameGraphBehavior}; this class turns the control's properties into what the panels paint.
 */
public class FlameGraphSkin extends SkinBase<FlameGraph> {
    private static final int BREADCRUMB_TAIL = 5;
    /** A breadcrumb link's padding and border beside its text. */
    private static final double LINK_PADDING = 10;
    /** The address JFR appends to a hidden class's name (lambda forms and proxies): ".0x…" before the method. */
    private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("\\.0x[0-9a-fA-F]+(?=\\.)");

    private final FramePalette palette = new FramePalette();
    private final TextFitter text = new TextFitter(Font.font(Font.getDefault().getFamily(), 12));
    private final HBox breadcrumb = new HBox(2);
    private final VBox viewport = new VBox();
    private final TextField searchField = new TextField();
    private final CheckBox regexBox = new CheckBox("Regex");
    private final Label matchedLabel = new Label();
    private final ToggleButton byPackage = new ToggleButton("By package");
    private final ToggleButton flame = new ToggleButton("Flame");
    private final ToggleButton icicle = new ToggleButton("Icicle");
    private final ToggleButton topDown = new ToggleButton("Top-down");
    private final ToggleButton inverted = new ToggleButton("Inverted");
    private final HBox legend = new HBox(8);
    private final Tooltip tooltip = new Tooltip();
    private final ContextMenu contextMenu = new ContextMenu();
    private final FlameGraphBehavior behavior;
    private FlamePanel mainPanel;
    private FlamePanel callersPanel;
    private List<String> breadcrumbShown = List.of();
    private String legendShown = "";

    public FlameGraphSkin(FlameGraph control) {
        super(control);
        breadcrumb.getStyleClass().add("flame-breadcrumb");
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        breadcrumb.setPadding(new Insets(1, 4, 1, 4));
        breadcrumb.setMinHeight(22);
        searchField.setPromptText("Search (Ctrl+F)");
        searchField.setPrefColumnCount(18);
        searchField.textProperty().bindBidirectional(control.searchProperty());
        regexBox.selectedProperty().bindBidirectional(control.searchRegexProperty());
        byPackage.setSelected(control.getColouring() == FlameColouring.PACKAGE);
        byPackage.selectedProperty().addListener((obs, was, is) ->
                control.setColouring(is ? FlameColouring.PACKAGE : FlameColouring.FRAME_TYPE));
        Button previous = new Button("\u25b2");
        previous.setOnAction(e -> nextMatch(false));
        previous.setTooltip(new Tooltip("Previous match (Shift+F3)"));
        Button next = new Button("\u25bc");
        next.setOnAction(e -> nextMatch(true));
        next.setTooltip(new Tooltip("Next match (F3)"));
        matchedLabel.getStyleClass().add("flame-matched");
        matchedLabel.setMinWidth(120); // room for "matched 100.0 %" kept from the start: the bar does not reflow while typing
        matchedLabel.visibleProperty().bind(matchedLabel.textProperty().isNotEmpty());
        flame.setOnAction(e -> {
            control.setOrientation(FlameOrientation.FLAME);
            syncToggles();
        });
        icicle.setOnAction(e -> {
            control.setOrientation(FlameOrientation.ICICLE);
            syncToggles();
        });
        topDown.setOnAction(e -> {
            control.setMode(FlameGraphMode.TOP_DOWN);
            syncToggles();
        });
        inverted.setOnAction(e -> {
            control.setMode(FlameGraphMode.INVERTED);
            syncToggles();
        });
        HBox searchTools = new HBox(6, searchField, regexBox, previous, next, matchedLabel);
        HBox viewToggles = new HBox(6, new HBox(flame, icicle), new HBox(topDown, inverted), byPackage);
        InteractiveControls.mark(searchField, regexBox, previous, next, viewToggles);
        searchTools.setAlignment(Pos.CENTER_LEFT);
        viewToggles.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(searchField, Priority.SOMETIMES);
        searchField.setMinWidth(Region.USE_PREF_SIZE);
        for (ToggleButton button : List.of(flame, icicle, topDown, inverted)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setFocusTraversable(false);
        }
        regexBox.setMinWidth(Region.USE_PREF_SIZE);
        byPackage.setMinWidth(Region.USE_PREF_SIZE);
        TwoSidedBar bar = new TwoSidedBar(searchTools, viewToggles);
        legend.getStyleClass().add("flame-legend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        legend.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(breadcrumb, Priority.ALWAYS);
        HBox top = new HBox(8, breadcrumb, legend);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 6, 0, 0));
        bar.setPadding(new Insets(3, 4, 3, 4));
        viewport.setMinSize(0, 0);
        tooltip.setShowDelay(Duration.ZERO);
        tooltip.setWrapText(false);
        tooltip.setHideOnEscape(false);
        BorderPane layout = new BorderPane(viewport, top, null, bar, null);
        getChildren().add(layout);

        registerChangeListener(control.callTreeProperty(), o -> showMain());
        registerChangeListener(control.callersTreeProperty(), o -> showCallers());
        registerChangeListener(control.diffProperty(), o -> showTrees());
        registerChangeListener(control.colouringProperty(), o -> {
            byPackage.setSelected(control.getColouring() == FlameColouring.PACKAGE);
            showTrees();
        });
        registerChangeListener(control.searchProperty(), o -> showTrees());
        registerChangeListener(control.searchRegexProperty(), o -> showTrees());
        registerChangeListener(control.modeProperty(), o -> buildPanels());
        registerChangeListener(control.orientationProperty(), o -> buildPanels());
        registerChangeListener(control.zoomedFrameProperty(), o -> followZoom());
        for (ObservableValue<Color> colour : control.viewColours().all()) {
            registerChangeListener(colour, o -> {
                mainPanel.invalidateFrames();
                if (callersPanel != null) {
                    callersPanel.invalidateFrames();
                }
            });
        }
        registerChangeListener(control.zoomAnimationProperty(), o -> panels().forEach(p -> p.setZoomAnimation(control.getZoomAnimation())));
        registerChangeListener(control.selectedFrameProperty(), o -> followSelection());
        behavior = new FlameGraphBehavior(control, this, viewport, searchField);
        buildPanels();
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        searchField.textProperty().unbindBidirectional(getSkinnable().searchProperty());
        regexBox.selectedProperty().unbindBidirectional(getSkinnable().searchRegexProperty());
        behavior.dispose();
        tooltip.hide();
        contextMenu.hide();
        super.dispose();
    }

    private void buildPanels() {
        FlameGraph control = getSkinnable();
        boolean sandwich = control.getMode() == FlameGraphMode.SANDWICH;
        mainPanel = new FlamePanel(text, !sandwich && control.getOrientation() == FlameOrientation.FLAME, sandwich,
                control.viewColours());
        callersPanel = sandwich ? new FlamePanel(text, true, true, control.viewColours()) : null;
        mainPanel.setZoomAnimation(control.getZoomAnimation());
        if (callersPanel != null) {
            callersPanel.setZoomAnimation(control.getZoomAnimation());
        }
        VBox.setVgrow(mainPanel, Priority.ALWAYS);
        if (sandwich) {
            VBox.setVgrow(callersPanel, Priority.ALWAYS);
            viewport.getChildren().setAll(callersPanel, mainPanel);
        } else {
            viewport.getChildren().setAll(mainPanel);
        }
        syncToggles();
        showTrees();
    }

    /** The layout toggles show the control's state (a click on the selected one keeps it selected). */
    private void syncToggles() {
        FlameGraph control = getSkinnable();
        boolean sandwich = control.getMode() == FlameGraphMode.SANDWICH;
        flame.setDisable(sandwich);
        icicle.setDisable(sandwich);
        flame.setSelected(!sandwich && control.getOrientation() == FlameOrientation.FLAME);
        icicle.setSelected(!sandwich && control.getOrientation() == FlameOrientation.ICICLE);
        topDown.setSelected(control.getMode() == FlameGraphMode.TOP_DOWN);
        inverted.setSelected(control.getMode() == FlameGraphMode.INVERTED);
    }

    private void showTrees() {
        showMain();
        showCallers();
    }

    private void showMain() {
        FlameGraph control = getSkinnable();
        CallTree tree = control.getCallTree();
        Diff diff = control.getMode() == FlameGraphMode.SANDWICH || control.getDiff() == null
                || control.getDiff().tree() != tree ? null : control.getDiff();
        TreeColours colours = new TreeColours(tree, palette, control.getColouring(), control.searchPredicate(), diff);
        FlameFrame zoomed = control.getZoomedFrame();
        mainPanel.show(colours, zoomed != null && zoomed.tree() == tree ? zoomed.nodeIndex() : 0, selectedIn(tree));
        control.setMatchedShare(colours.matchedShare());
        matchedLabel.setText(colours.searching()
                ? String.format(Locale.ROOT, "matched %.1f %%", 100 * colours.matchedShare()) : "");
        updateBreadcrumb();
        updateLegend(diff != null);
    }

    private void showCallers() {
        if (callersPanel != null) {
            FlameGraph control = getSkinnable();
            CallTree tree = control.getCallersTree();
            TreeColours colours = new TreeColours(tree, palette, control.getColouring(), control.searchPredicate(), null);
            callersPanel.show(colours, 0, selectedIn(tree));
        }
    }

    private int selectedIn(CallTree tree) {
        FlameFrame selected = getSkinnable().getSelectedFrame();
        return selected != null && selected.tree() == tree ? selected.nodeIndex() : -1;
    }

    private void followZoom() {
        FlameFrame zoomed = getSkinnable().getZoomedFrame();
        if (zoomed == null) {
            mainPanel.zoomTo(0);
        } else if (zoomed.tree() == mainPanel.tree()) {
            mainPanel.zoomTo(zoomed.nodeIndex());
        }
        updateBreadcrumb();
    }

    private void followSelection() {
        for (FlamePanel panel : panels()) {
            panel.setSelected(selectedIn(panel.tree()));
        }
    }

    /** Rebuilds the breadcrumb when the zoom path changed (not on every live tree update). */
    private void updateBreadcrumb() {
        CallTree tree = mainPanel.tree();
        List<Integer> path = new ArrayList<>();
        for (int n = mainPanel.zoomNode(); n != -1; n = tree.parent(n)) {
            path.addFirst(n);
        }
        List<String> names = tree.path(mainPanel.zoomNode());
        if (names.equals(breadcrumbShown) && !breadcrumb.getChildren().isEmpty()) {
            return;
        }
        breadcrumbShown = names;
        breadcrumb.getChildren().clear();
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                breadcrumb.getChildren().add(new Label("\u203a"));
            }
            if (i == 1 && path.size() > BREADCRUMB_TAIL + 1) {
                breadcrumb.getChildren().add(new Label("\u2026"));
                i = path.size() - BREADCRUMB_TAIL;
            }
            int node = path.get(i);
            Hyperlink link = new Hyperlink(shortName(tree, node));
            link.setTooltip(new Tooltip(tree.name(node)));
            // cut at the start when the path is wider than the graph, never below "…method"
            link.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            String text = link.getText();
            String method = "\u2026" + text.substring(text.lastIndexOf('.') + 1);
            link.minWidthProperty().bind(link.fontProperty().map(font ->
                    Math.min(TableCells.width(text, font), TableCells.width(method, font)) + LINK_PADDING));
            String[] prefix = names.subList(0, i).toArray(String[]::new);
            // found again by path on click: the tree may have been replaced since
            link.setOnAction(e -> zoom(mainPanel, Math.max(0, mainPanel.tree().findNode(prefix))));
            link.getStyleClass().add("flame-breadcrumb-item");
            breadcrumb.getChildren().add(link);
        }
    }

    private void updateLegend(boolean diff) {
        String key = diff ? "diff" : getSkinnable().getColouring().name();
        if (key.equals(legendShown)) {
            return;
        }
        legendShown = key;
        legend.getChildren().clear();
        if (diff) {
            legend.getChildren().addAll(swatch(palette.colour(palette.byChange(1)), "grew"), swatch(palette.colour(palette.byChange(-1)), "shrank"));
        } else if (getSkinnable().getColouring() == FlameColouring.FRAME_TYPE) {
            for (FrameType type : FrameType.values()) {
                if (type != FrameType.UNKNOWN) {
                    legend.getChildren().add(swatch(palette.legend(type), FrameText.shortTypeName(type)));
                }
            }
        } else {
            legend.getChildren().add(new Label("Colour: package"));
        }
    }

    private static HBox swatch(Color colour, String name) {
        Rectangle box = new Rectangle(10, 10, colour);
        box.setStroke(Color.gray(0.5));
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox item = new HBox(3, box, label);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    /**
     * A frame's name without its package, and without a hidden class's address
     * ("DemoWorkload$$Lambda.0x000000001d046c38.run" is "DemoWorkload$$Lambda.run").
     */
    private static String shortName(CallTree tree, int node) {
        String name = HIDDEN_CLASS_ADDRESS.matcher(tree.name(node)).replaceAll("");
        String pkg = tree.packageName(node);
        return !pkg.isEmpty() && name.startsWith(pkg + ".") ? name.substring(pkg.length() + 1) : name;
    }

    // ---- used by the behavior ----

    /** The panels shown, callers first in sandwich mode. */
    List<FlamePanel> panels() {
        return callersPanel == null ? List.of(mainPanel) : List.of(callersPanel, mainPanel);
    }

    /** The panel showing the callees or the only tree. */
    FlamePanel mainPanel() {
        return mainPanel;
    }

    /** The panel under a point in scene coordinates, null if none. */
    FlamePanel panelAt(double sceneX, double sceneY) {
        for (FlamePanel panel : panels()) {
            Point2D p = panel.sceneToLocal(sceneX, sceneY);
            if (p != null && p.getX() >= 0 && p.getY() >= 0 && p.getX() < panel.getWidth() && p.getY() < panel.getHeight()) {
                return panel;
            }
        }
        return null;
    }

    /** The panel showing the selected frame, or the main panel. */
    FlamePanel selectedPanel() {
        FlameFrame selected = getSkinnable().getSelectedFrame();
        for (FlamePanel panel : panels()) {
            if (selected != null && selected.tree() == panel.tree()) {
                return panel;
            }
        }
        return mainPanel;
    }

    /** Zooms a panel to a node; for the main panel this is the control's zoomed frame (null for the root). */
    void zoom(FlamePanel panel, int node) {
        FlameFrame frame = node == 0 ? null : new FlameFrame(panel.tree(), node);
        if (panel == mainPanel && !Objects.equals(frame, getSkinnable().getZoomedFrame())) {
            getSkinnable().setZoomedFrame(frame);
        } else {
            panel.zoomTo(node);
            updateBreadcrumb();
        }
    }

    /** Selects a node of a panel (-1 clears the selection). */
    void select(FlamePanel panel, int node) {
        getSkinnable().setSelectedFrame(node < 0 ? null : new FlameFrame(panel.tree(), node));
    }

    /** Brings a node into view, zooming out to its parent if it is too narrow or outside the window. */
    void reveal(FlamePanel panel, int node) {
        int zoomBefore = panel.zoomNode();
        panel.reveal(node);
        if (panel.zoomNode() != zoomBefore) {
            zoom(panel, panel.zoomNode());
        }
    }

    /** Selects and reveals the next (or previous) frame of the main tree matching the search. */
    void nextMatch(boolean forward) {
        FlamePanel panel = mainPanel;
        int from = panel.selectedNode() >= 0 ? panel.selectedNode() : 0;
        int match = panel.colours().nextMatch(from, forward);
        if (match >= 0) {
            select(panel, match);
            reveal(panel, match);
        }
    }

    void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    void showTooltip(FlamePanel panel, int node, double screenX, double screenY) {
        FlameFrame frame = new FlameFrame(panel.tree(), node);
        tooltip.setText(FrameText.describe(panel.colours(), node, node > 0 && getSkinnable().getTraceable().test(frame)));
        if (tooltip.isShowing()) {
            tooltip.setAnchorX(screenX + 14);
            tooltip.setAnchorY(screenY + 18);
        } else {
            tooltip.show(getSkinnable(), screenX + 14, screenY + 18);
        }
    }

    void hideTooltip() {
        tooltip.hide();
    }

    void showContextMenu(FlamePanel panel, int node, double screenX, double screenY) {
        FlameGraph control = getSkinnable();
        FlameFrame frame = new FlameFrame(panel.tree(), node);
        boolean root = frame.isRoot();
        String name = shortName(panel.tree(), node);
        contextMenu.getItems().setAll(
                item("Focus on " + name, root, f -> new FlameGraphAction.Focus(f), frame),
                item("Merge " + name, root, f -> new FlameGraphAction.Merge(f), frame),
                item("Collapse recursion of " + name, root, f -> new FlameGraphAction.CollapseRecursion(f), frame),
                item("Drop " + FrameText.typeName(frame.frameType()) + " frames", root,
                        f -> new FlameGraphAction.DropFrameType(f, f.frameType()), frame),
                item("Show in sandwich", root, f -> new FlameGraphAction.ShowInSandwich(f), frame),
                item("Trace this method", root || !control.getTraceable().test(frame),
                        f -> new FlameGraphAction.TraceMethod(f), frame),
                new SeparatorMenuItem(),
                copyItem("Copy name", frame.name()),
                copyItem("Copy stack", FrameText.stack(panel.tree(), node)));
        tooltip.hide();
        contextMenu.show(control, screenX, screenY);
    }

    /** The context menu (shown on right-click). */
    ContextMenu contextMenu() {
        return contextMenu;
    }

    private MenuItem item(String label, boolean disabled, Function<FlameFrame, FlameGraphAction> action, FlameFrame frame) {
        MenuItem item = new MenuItem(label);
        item.setDisable(disabled);
        item.setOnAction(e -> {
            getSkinnable().setSelectedFrame(frame);
            getSkinnable().fire(action.apply(frame));
        });
        return item;
    }

    private static MenuItem copyItem(String label, String content) {
        MenuItem item = new MenuItem(label);
        item.setOnAction(e -> {
            ClipboardContent clip = new ClipboardContent();
            clip.putString(content);
            Clipboard.getSystemClipboard().setContent(clip);
        });
        return item;
    }

    FlameFrame frameAt(double x, double y) {
        Point2D scene = getSkinnable().localToScene(x, y);
        FlamePanel panel = panelAt(scene.getX(), scene.getY());
        if (panel == null) {
            return null;
        }
        Point2D local = panel.sceneToLocal(scene);
        int node = panel.nodeAt(local.getX(), local.getY());
        return node == -1 ? null : new FlameFrame(panel.tree(), node);
    }

    Bounds frameBounds(FlameFrame frame) {
        for (FlamePanel panel : panels()) {
            if (panel.tree() == frame.tree()) {
                Bounds local = panel.frameBounds(frame.nodeIndex());
                return local == null ? null : getSkinnable().sceneToLocal(panel.localToScene(local));
            }
        }
        return null;
    }

    long lastPaintNanos() {
        long sum = 0;
        for (FlamePanel panel : panels()) {
            sum += panel.lastFramesPaintNanos();
        }
        return sum;
    }
}
