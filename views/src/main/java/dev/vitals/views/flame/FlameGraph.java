package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.model.query.Diff;
import dev.vitals.views.ViewColours;
import dev.vitals.views.flame.internal.TreeGeometry;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Bounds;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A flame graph of a {@link CallTree}, drawn on viewport-sized canvases (never a node per frame).
 *
 * <p>It shows whichever tree it is given: set {@link #callTreeProperty()} to a top-down tree, a
 * bottom-up (inverted) tree, or in {@link FlameGraphMode#SANDWICH} mode to a method's callees with
 * {@link #callersTreeProperty()} holding its callers. Replace the tree as often as new data arrives:
 * frames keep their order (children sorted by name) and colours (from frame type or package, never
 * random), and the zoomed and selected frames are found again by their path. With a
 * {@link #diffProperty()} whose tree is the one shown it shows a diff: widths from the new tree, red
 * where a frame's share grew and blue where it shrank (the model's {@link Diff}, computed off the
 * JavaFX thread; the control only maps its change to a colour).
 *
 * <p>Users click a frame to zoom into it (and select it), click the root or press Esc to zoom out,
 * zoom horizontally with Ctrl + wheel, drag to pan, move between frames with the arrow keys, search
 * with Ctrl+F, and right-click for {@link FlameGraphAction}s, published through
 * {@link #onActionProperty()}. The selected frame is the frame filter other views follow.
 *
 * <p>State lives in properties; all of them are touched only on the JavaFX thread.
 */
public class FlameGraph extends Control implements ViewColours.Styled {
    private final ViewColours viewColours = new ViewColours(this);
    private static final CallTree EMPTY = CallTree.fromCollapsed("");

    private final ObjectProperty<CallTree> callTree = new SimpleObjectProperty<>(this, "callTree", EMPTY);
    private final ObjectProperty<CallTree> callersTree = new SimpleObjectProperty<>(this, "callersTree", EMPTY);
    private final ObjectProperty<Diff> diff = new SimpleObjectProperty<>(this, "diff");
    private final ObjectProperty<FlameGraphMode> mode = new SimpleObjectProperty<>(this, "mode", FlameGraphMode.TOP_DOWN);
    private final ObjectProperty<FlameOrientation> orientation = new SimpleObjectProperty<>(this, "orientation", FlameOrientation.FLAME);
    private final ObjectProperty<FlameColouring> colouring = new SimpleObjectProperty<>(this, "colouring", FlameColouring.FRAME_TYPE);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty searchRegex = new SimpleBooleanProperty(this, "searchRegex", false);
    private final ReadOnlyDoubleWrapper matchedShare = new ReadOnlyDoubleWrapper(this, "matchedShare", 0);
    private final ObjectProperty<FlameFrame> zoomedFrame = new SimpleObjectProperty<>(this, "zoomedFrame");
    private final ObjectProperty<FlameFrame> selectedFrame = new SimpleObjectProperty<>(this, "selectedFrame");
    private final ObjectProperty<Predicate<FlameFrame>> traceable = new SimpleObjectProperty<>(this, "traceable", frame -> false);
    private final ObjectProperty<Consumer<FlameGraphAction>> onAction = new SimpleObjectProperty<>(this, "onAction");
    private final ObjectProperty<Duration> zoomAnimation = new SimpleObjectProperty<>(this, "zoomAnimation", Duration.millis(200));

    public FlameGraph() {
        getStyleClass().addAll("flame-graph", ViewColours.STYLE_CLASS);
        setFocusTraversable(true);
        callTree.addListener((obs, old, now) -> refind(old, now, true));
        callersTree.addListener((obs, old, now) -> refind(old, now, false));
    }

    public FlameGraph(CallTree tree) {
        this();
        setCallTree(tree);
    }

    /** Keeps the zoomed and selected frames across a tree replacement, found again by path. */
    private void refind(CallTree old, CallTree now, boolean main) {
        FlameFrame zoomed = getZoomedFrame();
        if (main && zoomed != null && zoomed.tree() == old) {
            int node = TreeGeometry.deepestExisting(nowOrEmpty(now), zoomed.path());
            setZoomedFrame(node == 0 ? null : new FlameFrame(nowOrEmpty(now), node));
        }
        FlameFrame selected = getSelectedFrame();
        if (selected != null && selected.tree() == old) {
            int node = nowOrEmpty(now).findNode(selected.path().toArray(String[]::new));
            setSelectedFrame(node == -1 ? null : new FlameFrame(nowOrEmpty(now), node));
        }
    }

    private static CallTree nowOrEmpty(CallTree tree) {
        return tree == null ? EMPTY : tree;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlameGraphSkin(this);
    }

    /** The tree shown (top-down, inverted, or a sandwich's callees); never null (an empty tree when cleared). */
    public final ObjectProperty<CallTree> callTreeProperty() {
        return callTree;
    }

    public final CallTree getCallTree() {
        return nowOrEmpty(callTree.get());
    }

    public final void setCallTree(CallTree value) {
        callTree.set(value);
    }

    /** In {@link FlameGraphMode#SANDWICH} mode: the method's callers as a bottom-up tree, drawn above the callees. */
    public final ObjectProperty<CallTree> callersTreeProperty() {
        return callersTree;
    }

    public final CallTree getCallersTree() {
        return nowOrEmpty(callersTree.get());
    }

    public final void setCallersTree(CallTree value) {
        callersTree.set(value);
    }

    /** The diff of the shown tree against a baseline (used while {@link Diff#tree()} is the call tree shown); null for none. */
    public final ObjectProperty<Diff> diffProperty() {
        return diff;
    }

    public final Diff getDiff() {
        return diff.get();
    }

    public final void setDiff(Diff value) {
        diff.set(value);
    }

    /** Which kind of tree {@link #callTreeProperty()} holds, and whether a callers tree is drawn above it. */
    public final ObjectProperty<FlameGraphMode> modeProperty() {
        return mode;
    }

    public final FlameGraphMode getMode() {
        return mode.get();
    }

    public final void setMode(FlameGraphMode value) {
        mode.set(value);
    }

    /** Root at the bottom (flame) or top (icicle); in sandwich mode the callers always grow up and the callees down. */
    public final ObjectProperty<FlameOrientation> orientationProperty() {
        return orientation;
    }

    public final FlameOrientation getOrientation() {
        return orientation.get();
    }

    public final void setOrientation(FlameOrientation value) {
        orientation.set(value);
    }

    /** Colour by frame type or by package. */
    public final ObjectProperty<FlameColouring> colouringProperty() {
        return colouring;
    }

    public final FlameColouring getColouring() {
        return colouring.get();
    }

    public final void setColouring(FlameColouring value) {
        colouring.set(value);
    }

    /** Search text: matching frames are highlighted, others dimmed; empty for no search. */
    public final StringProperty searchProperty() {
        return search;
    }

    public final String getSearch() {
        return search.get();
    }

    public final void setSearch(String value) {
        search.set(value);
    }

    /** Whether the search text is a regular expression (found anywhere in the name) or a case-insensitive substring. */
    public final BooleanProperty searchRegexProperty() {
        return searchRegex;
    }

    public final boolean isSearchRegex() {
        return searchRegex.get();
    }

    public final void setSearchRegex(boolean value) {
        searchRegex.set(value);
    }

    /** Share (0..1) of the tree's total weight in frames matching the search, nested matches counted once. */
    public final ReadOnlyDoubleProperty matchedShareProperty() {
        return matchedShare.getReadOnlyProperty();
    }

    public final double getMatchedShare() {
        return matchedShare.get();
    }

    void setMatchedShare(double share) {
        matchedShare.set(share);
    }

    /** The frame of {@link #callTreeProperty()} the view is zoomed into; null for the whole tree. */
    public final ObjectProperty<FlameFrame> zoomedFrameProperty() {
        return zoomedFrame;
    }

    public final FlameFrame getZoomedFrame() {
        return zoomedFrame.get();
    }

    public final void setZoomedFrame(FlameFrame value) {
        zoomedFrame.set(value);
    }

    /**
     * The selected (keyboard-focused) frame, in the callees or the callers tree; null for none. This
     * is the frame filter the app maps to the shared Selection ({@link FlameFrame#methodId()},
     * {@link FlameFrame#name()}).
     */
    public final ObjectProperty<FlameFrame> selectedFrameProperty() {
        return selectedFrame;
    }

    public final FlameFrame getSelectedFrame() {
        return selectedFrame.get();
    }

    public final void setSelectedFrame(FlameFrame value) {
        selectedFrame.set(value);
    }

    /** Which frames can be traced live (JDK 25 targets); shown in the tooltip and enabling "Trace this method". */
    public final ObjectProperty<Predicate<FlameFrame>> traceableProperty() {
        return traceable;
    }

    public final Predicate<FlameFrame> getTraceable() {
        return traceable.get();
    }

    public final void setTraceable(Predicate<FlameFrame> value) {
        traceable.set(value);
    }

    /** Receives the context menu's requests; null to ignore them. */
    public final ObjectProperty<Consumer<FlameGraphAction>> onActionProperty() {
        return onAction;
    }

    public final Consumer<FlameGraphAction> getOnAction() {
        return onAction.get();
    }

    public final void setOnAction(Consumer<FlameGraphAction> value) {
        onAction.set(value);
    }

    /** How long zooming into a frame animates (default 200 ms); {@link Duration#ZERO} or null jumps at once. */
    public final ObjectProperty<Duration> zoomAnimationProperty() {
        return zoomAnimation;
    }

    public final Duration getZoomAnimation() {
        return zoomAnimation.get();
    }

    public final void setZoomAnimation(Duration value) {
        zoomAnimation.set(value);
    }

    /** Publishes a request to {@link #onActionProperty()}. */
    void fire(FlameGraphAction action) {
        Consumer<FlameGraphAction> handler = getOnAction();
        if (handler != null) {
            handler.accept(action);
        }
    }

    /**
     * Which frame names the search matches: null when the search is empty; an invalid regular
     * expression matches nothing.
     */
    Predicate<String> searchPredicate() {
        String text = getSearch();
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (isSearchRegex()) {
            try {
                Pattern pattern = Pattern.compile(text);
                return name -> pattern.matcher(name).find();
            } catch (PatternSyntaxException e) {
                return name -> false;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return name -> name.toLowerCase(Locale.ROOT).contains(lower);
    }

    /** The frame drawn at a point in this control's coordinates; null where there is none. */
    public final FlameFrame frameAt(double x, double y) {
        return skin().frameAt(x, y);
    }

    /** Where a frame is drawn, in this control's coordinates; null when it is not visible. */
    public final Bounds frameBounds(FlameFrame frame) {
        return skin().frameBounds(frame);
    }

    /** The frame of {@link #callTreeProperty()} at the given path (names below the root); null if absent. */
    public final FlameFrame frame(List<String> path) {
        int node = getCallTree().findNode(path.toArray(String[]::new));
        return node == -1 ? null : new FlameFrame(getCallTree(), node);
    }

    /** Nanoseconds the last repaint of the frames layer took (all panels). */
    public final long lastPaintNanos() {
        return skin().lastPaintNanos();
    }

    private FlameGraphSkin skin() {
        if (!(getSkin() instanceof FlameGraphSkin skin)) {
            throw new IllegalStateException("the flame graph has no skin yet: add it to a scene and lay it out first");
        }
        return skin;
    }

    /** The colours the view paints its chrome with, from CSS. */
    @Override
    public final ViewColours viewColours() {
        return viewColours;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return ViewColours.CONTROL_CSS_META_DATA;
    }
}
