package dev.vitals.views.flame.internal;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.ViewColours;
import javafx.animation.AnimationTimer;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.Arrays;

/**
 * One flame graph drawn on two viewport-sized canvas layers: frames below, and an overlay for the
 * hovered and selected frame above, so moving the mouse never repaints the frames.
 *
 * <p>The view is a window {@code [windowLow, windowHigh)} on the sample axis (see
 * {@link TreeGeometry}) plus a vertical scroll. Zooming into a frame sets the window to its span;
 * ancestors of the window then cover the full width. A tree replaced live keeps the window's
 * position relative to the zoomed frame. Painting happens in {@link #layoutChildren()}, at most once
 * per pulse, and only for the layers marked dirty. Frames under one device pixel are not drawn and
 * their subtrees are skipped; edges are snapped to device pixels, so the graph is crisp at any output
 * scale.
 *
 * <p>Nothing is laid out per node when a tree arrives: the paint walks the tree in depth-first order
 * carrying each node's offset along (a node's offset is its parent's if it is the first child, else
 * the end of its previous sibling), skips the subtree of every frame that is off-screen or under a
 * device pixel, and the rest of a row once a frame starts past the right edge. So a paint costs the
 * frames drawn plus their immediate hidden children, whatever the tree's size. It allocates nothing
 * except a cut label the first time it is needed.
 */
public final class FlamePanel extends Region {
    /** Height of one row of frames. */
    public static final double ROW_HEIGHT = 18;
    private static final double TEXT_PAD = 3;
    private static final Color HOVER = Color.rgb(0, 0, 0, 0.75);
    private static final Color SELECTED = Color.rgb(0x10, 0x10, 0x10);
    private static final Color SELECTED_HALO = Color.rgb(0xff, 0xff, 0xff, 0.9);

    private final Canvas framesLayer = new Canvas();
    private final Canvas overlayLayer = new Canvas();
    private final TextFitter text;
    private final ViewColours viewColours;
    private final boolean growUp;
    private final int firstDepth;

    private CallTree tree;
    private TreeColours colours;
    /** Per row (depth), the span of the node last visited by the paint's depth-first walk. */
    private long[] rowStart = new long[0];
    private long[] rowEnd = new long[0];
    /**
     * Cut labels by node index: the text, the name it was cut from and its (from, count) key. A
     * label is a function of the name and key, so the arrays outlive a tree: a live tree whose node
     * has the same name (the same interned string) and width reuses the label.
     */
    private String[] labelText = new String[0];
    private String[] labelSource = new String[0];
    private int[] labelKey = new int[0];
    /** The fill last set on the frames layer while painting it. */
    private Color lastFill;

    private int zoomNode;
    private double windowLow;
    private double windowHigh;
    private double scrollY;
    private int hoverNode = -1;
    private int selectedNode = -1;
    private double deviceScale = 1;
    private boolean framesDirty = true;
    private boolean overlayDirty = true;
    private long lastFramesPaintNanos;
    private long framesPaints;
    private final AnimationTimer animator = new AnimationTimer() {
        @Override
        public void handle(long now) {
            animate(now);
        }
    };
    private long animationNanos;
    private long animationStart = -1;
    private boolean animating;
    private double fromLow;
    private double fromHigh;
    private double toLow;
    private double toHigh;

    /**
     * @param growUp   true for a flame (root at the bottom, callees above), false for an icicle
     * @param hideRoot true to start at the root's children (a sandwich half, whose root's only child is the method)
     * @param viewColours the control's colours: the background behind the frames
     */
    public FlamePanel(TextFitter text, boolean growUp, boolean hideRoot, ViewColours viewColours) {
        this.text = text;
        this.viewColours = viewColours;
        this.growUp = growUp;
        this.firstDepth = hideRoot ? 1 : 0;
        overlayLayer.setMouseTransparent(true);
        getChildren().addAll(framesLayer, overlayLayer);
        getStyleClass().add("flame-panel");
        setMinSize(0, 0);
        sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::renderScaleXProperty)
                .addListener((obs, was, is) -> invalidateFrames());
    }

    /** The tree shown. */
    public CallTree tree() {
        return tree;
    }

    /** True when the root is at the bottom. */
    public boolean growsUp() {
        return growUp;
    }

    /** The shallowest depth drawn: 0, or 1 when the root row is hidden. */
    public int firstDepth() {
        return firstDepth;
    }

    /** The colours, search result and baseline mapping of the tree shown. */
    public TreeColours colours() {
        return colours;
    }

    /**
     * Shows a tree (a new one, or the same with new colours). The zoom keeps its position relative
     * to the zoomed frame, now {@code newZoomNode} of the new tree; if that is another frame (the
     * zoomed one is gone and an ancestor stands in), the window becomes its span.
     */
    public void show(TreeColours newColours, int newZoomNode, int newSelectedNode) {
        CallTree newTree = newColours.tree();
        boolean newTreeShown = tree != newTree;
        if (newTreeShown) {
            finishAnimation();
            double low = 0;
            double high = 1;
            boolean sameZoomFrame = tree != null && tree.depth(zoomNode) == newTree.depth(newZoomNode)
                    && tree.name(zoomNode).equals(newTree.name(newZoomNode));
            if (sameZoomFrame && tree.total(zoomNode) > 0) {
                double span = tree.total(zoomNode);
                long offset = TreeGeometry.offset(tree, zoomNode);
                low = (windowLow - offset) / span;
                high = (windowHigh - offset) / span;
            }
            tree = newTree;
            zoomNode = newZoomNode;
            double span = newTree.total(zoomNode);
            long offset = TreeGeometry.offset(newTree, zoomNode);
            windowLow = offset + low * span;
            windowHigh = offset + high * span;
            clampWindow();
            clampScroll();
        }
        colours = newColours;
        hoverNode = hoverNode < newTree.size() && !newTreeShown ? hoverNode : -1;
        selectedNode = newSelectedNode;
        invalidateFrames();
    }

    /** The zoomed frame: the window was last set to its span. */
    public int zoomNode() {
        return zoomNode;
    }

    /** How long a zoom to a frame animates; zero jumps at once. */
    public void setZoomAnimation(Duration duration) {
        animationNanos = duration == null ? 0 : (long) (duration.toMillis() * 1e6);
    }

    /** Sets the window to the node's span, animated when the panel is showing and an animation time is set. */
    public void zoomTo(int nodeIndex) {
        finishAnimation();
        zoomNode = nodeIndex;
        long total = tree.total(nodeIndex);
        if (total > 0) {
            double low = TreeGeometry.offset(tree, nodeIndex);
            if (animationNanos > 0 && getWidth() > 0 && getScene() != null && getScene().getWindow() != null) {
                fromLow = windowLow;
                fromHigh = windowHigh;
                toLow = low;
                toHigh = low + total;
                animationStart = -1;
                animating = true;
                animator.start();
            } else {
                windowLow = low;
                windowHigh = low + total;
            }
        }
        scrollToRow(tree.depth(nodeIndex));
        invalidateFrames();
    }

    /** One pulse of the zoom animation: the window eases from where it was to the zoomed frame's span. */
    private void animate(long now) {
        if (animationStart < 0) {
            animationStart = now;
        }
        double t = Math.min(1, (now - animationStart) / (double) animationNanos);
        double eased = 1 - Math.pow(1 - t, 3);
        windowLow = fromLow + (toLow - fromLow) * eased;
        windowHigh = fromHigh + (toHigh - fromHigh) * eased;
        invalidateFrames();
        if (t >= 1) {
            finishAnimation();
        }
    }

    /** Jumps to the end of a running zoom animation (before anything else moves the window). */
    private void finishAnimation() {
        if (animating) {
            animator.stop();
            animating = false;
            windowLow = toLow;
            windowHigh = toHigh;
            invalidateFrames();
        }
    }

    /** Zooms the window by {@code factor} (&lt; 1 zooms in) keeping the sample under {@code anchorX} in place. */
    public void zoomHorizontally(double factor, double anchorX) {
        finishAnimation();
        double width = getWidth();
        if (width <= 0 || tree.total(0) == 0) {
            return;
        }
        double span = windowHigh - windowLow;
        double anchor = windowLow + anchorX / width * span;
        double newSpan = Math.max(minimumSpan(), Math.min(tree.total(0), span * factor));
        windowLow = anchor - anchorX / width * newSpan;
        windowHigh = windowLow + newSpan;
        clampWindow();
        invalidateFrames();
    }

    /** Moves the view by a drag of {@code dx}, {@code dy} pixels (content follows the mouse). */
    public void pan(double dx, double dy) {
        finishAnimation();
        double width = getWidth();
        if (width > 0 && dx != 0) {
            double shift = -dx / width * (windowHigh - windowLow);
            windowLow += shift;
            windowHigh += shift;
            clampWindow();
        }
        scrollY += growUp ? dy : -dy;
        clampScroll();
        invalidateFrames();
    }

    /**
     * Changes the window and scroll as little as possible so the node is at least a few pixels wide
     * and in view: zooms to its parent, or to the node itself when it is too narrow even there.
     */
    public void reveal(int nodeIndex) {
        double width = getWidth();
        long total = tree.total(nodeIndex);
        double span = windowHigh - windowLow;
        double low = TreeGeometry.offset(tree, nodeIndex);
        double high = low + total;
        double readable = 4 * TextFitter.MIN_CHARS;
        boolean tooNarrow = width > 0 && total / span * width < readable;
        if (tooNarrow || high <= windowLow || low >= windowHigh) {
            int parent = tree.parent(nodeIndex);
            boolean readableInParent = parent != -1 && total / (double) tree.total(parent) * width >= readable;
            zoomTo(readableInParent ? parent : nodeIndex);
        }
        scrollToRow(tree.depth(nodeIndex));
        invalidateFrames();
    }

    /** Scrolls as little as possible to bring a row into view (when the panel has been laid out). */
    private void scrollToRow(int depth) {
        double top = rowTop(depth);
        double height = getHeight();
        if (height <= 0) {
            return;
        }
        if (top < 0) {
            scrollY += growUp ? -top : top;
        } else if (top + ROW_HEIGHT > height) {
            scrollY += growUp ? -(top + ROW_HEIGHT - height) : top + ROW_HEIGHT - height;
        }
        clampScroll();
    }

    /** The hovered node, -1 for none. */
    public void setHover(int nodeIndex) {
        if (nodeIndex != hoverNode) {
            hoverNode = nodeIndex;
            invalidateOverlay();
        }
    }

    /** The selected (keyboard-focused) node, -1 for none. */
    public void setSelected(int nodeIndex) {
        if (nodeIndex != selectedNode) {
            selectedNode = nodeIndex;
            invalidateOverlay();
        }
    }

    public int selectedNode() {
        return selectedNode;
    }

    /** The frame drawn at a point of this panel, -1 for none. */
    public int nodeAt(double x, double y) {
        double width = getWidth();
        if (tree.total(0) == 0 || width <= 0 || x < 0 || x >= width || y < 0 || y >= getHeight()) {
            return -1;
        }
        double rowFromRoot = growUp ? (getHeight() + scrollY - y) / ROW_HEIGHT : (y + scrollY) / ROW_HEIGHT;
        int depth = (int) Math.floor(rowFromRoot) + firstDepth;
        if (depth < firstDepth || depth > tree.maxDepth()) {
            return -1;
        }
        double u = windowLow + x / width * (windowHigh - windowLow);
        int node = 0;
        long offset = 0;
        for (int level = 0; level < depth && node != -1; level++) {
            int parent = node;
            node = -1;
            for (int c = tree.firstChild(parent); c != -1; c = tree.nextSibling(c)) {
                if (u < offset + tree.total(c)) {
                    node = u >= offset ? c : -1;
                    break;
                }
                offset += tree.total(c);
            }
        }
        double ppu = width / (windowHigh - windowLow);
        return node != -1 && snap((offset + tree.total(node) - windowLow) * ppu) - snap((offset - windowLow) * ppu)
                >= 1 / deviceScale ? node : -1;
    }

    /** Where the node is drawn in this panel, clipped to it; {@code null} when it is not drawn. */
    public Bounds frameBounds(int nodeIndex) {
        double width = getWidth();
        if (tree.total(0) == 0 || width <= 0) {
            return null;
        }
        double ppu = width / (windowHigh - windowLow);
        long offset = TreeGeometry.offset(tree, nodeIndex);
        double x0 = snap((offset - windowLow) * ppu);
        double x1 = snap((offset + tree.total(nodeIndex) - windowLow) * ppu);
        double top = rowTop(tree.depth(nodeIndex));
        double left = Math.max(0, x0);
        double right = Math.min(width, x1);
        double bottom = Math.min(getHeight(), top + ROW_HEIGHT);
        if (x1 - x0 < 1 / deviceScale || right <= left || bottom <= Math.max(0, top)) {
            return null;
        }
        return new BoundingBox(left, Math.max(0, top), right - left, bottom - Math.max(0, top));
    }

    /** Nanoseconds the last paint of the frames layer took. */
    public long lastFramesPaintNanos() {
        return lastFramesPaintNanos;
    }

    /** How many times the frames layer was painted (the overlay is painted separately). */
    public long framesPaints() {
        return framesPaints;
    }

    /** Marks the frames (and the overlay that follows their geometry) for repaint in the next pulse. */
    public void invalidateFrames() {
        framesDirty = true;
        overlayDirty = true;
        setNeedsLayout(true);
    }

    private void invalidateOverlay() {
        overlayDirty = true;
        setNeedsLayout(true);
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (framesLayer.getWidth() != width || framesLayer.getHeight() != height) {
            framesLayer.setWidth(width);
            framesLayer.setHeight(height);
            overlayLayer.setWidth(width);
            overlayLayer.setHeight(height);
            clampScroll();
            framesDirty = true;
            overlayDirty = true;
        }
        Window window = getScene() == null ? null : getScene().getWindow();
        double scale = window == null ? 1 : window.getRenderScaleX();
        if (scale != deviceScale) {
            deviceScale = scale;
            framesDirty = true;
            overlayDirty = true;
        }
        if (tree == null) {
            return;
        }
        if (framesDirty) {
            framesDirty = false;
            long start = System.nanoTime();
            paintFrames(framesLayer.getGraphicsContext2D(), width, height);
            lastFramesPaintNanos = System.nanoTime() - start;
            framesPaints++;
        }
        if (overlayDirty) {
            overlayDirty = false;
            paintOverlay(overlayLayer.getGraphicsContext2D(), width, height);
        }
    }

    private void paintFrames(GraphicsContext g, double width, double height) {
        lastFill = viewColours.backgroundColour();
        g.setFill(lastFill);
        g.fillRect(0, 0, width, height);
        if (tree.total(0) == 0 || width <= 0) {
            return;
        }
        double ppu = width / (windowHigh - windowLow);
        double px = 1 / deviceScale;
        g.setFont(text.font());
        g.setTextBaseline(VPos.CENTER);
        if (rowStart.length <= tree.maxDepth()) {
            rowStart = new long[tree.maxDepth() + 1];
            rowEnd = new long[tree.maxDepth() + 1];
        }
        int size = tree.size();
        int n = 0;
        while (n < size) {
            int depth = tree.depth(n);
            int parent = tree.parent(n);
            long offset = parent == -1 ? 0 : tree.firstChild(parent) == n ? rowStart[depth - 1] : rowEnd[depth];
            rowStart[depth] = offset;
            rowEnd[depth] = offset + tree.total(n);
            double x0 = snap((offset - windowLow) * ppu);
            if (x0 >= width && parent != -1) {
                n = tree.subtreeEnd(parent); // the later siblings start further right
                continue;
            }
            double x1 = snap((rowEnd[depth] - windowLow) * ppu);
            double top = rowTop(depth);
            boolean beyond = growUp ? top + ROW_HEIGHT <= 0 : top >= height;
            if (beyond || x1 <= 0 || x0 >= width || x1 - x0 < px) {
                n = tree.subtreeEnd(n);
                continue;
            }
            if (top < height && top + ROW_HEIGHT > 0) {
                paintFrame(g, n, x0, x1, top, width, px);
            }
            n++;
        }
    }

    private void paintFrame(GraphicsContext g, int n, double x0, double x1, double top, double width, double px) {
        double left = Math.max(x0, -px);
        double right = Math.min(x1, width + px);
        double gap = x1 - x0 >= 3 * px ? px : 0;
        setFill(g, colours.fill(n));
        g.fillRect(left, top, right - left - gap, ROW_HEIGHT - px);
        double textLeft = Math.max(x0, 0) + TEXT_PAD;
        double available = Math.min(x1, width) - TEXT_PAD - gap - textLeft;
        if (available < 12) {
            return;
        }
        String shown = label(n, available);
        if (shown != null) {
            setFill(g, colours.darkText(n) ? Color.BLACK : Color.WHITE);
            g.fillText(shown, textLeft, top + ROW_HEIGHT / 2);
        }
    }

    /** Sets the fill unless it is set already: each change is a command in the canvas buffer. */
    private void setFill(GraphicsContext g, Color colour) {
        if (colour != lastFill) {
            g.setFill(colour);
            lastFill = colour;
        }
    }

    /** The node's name, or its name without the package, cut with an ellipsis if needed; null if nothing fits. */
    private String label(int n, double available) {
        String name = tree.name(n);
        int from = 0;
        int count = text.fit(name, 0, available);
        if (count == name.length()) {
            return name;
        }
        String pkg = tree.packageName(n);
        from = !pkg.isEmpty() && name.startsWith(pkg) && name.length() > pkg.length() + 1 ? pkg.length() + 1 : 0;
        count = text.fit(name, from, available);
        if (count == 0) {
            return null;
        }
        if (n >= labelText.length) {
            int capacity = Math.max(tree.size(), 2 * labelText.length);
            labelText = Arrays.copyOf(labelText, capacity);
            labelSource = Arrays.copyOf(labelSource, capacity);
            labelKey = Arrays.copyOf(labelKey, capacity);
        }
        int key = from << 16 | count;
        if (labelSource[n] != name || labelKey[n] != key) {
            boolean whole = from + count == name.length();
            labelText[n] = whole ? name.substring(from) : name.substring(from, from + count) + TextFitter.ELLIPSIS;
            labelSource[n] = name;
            labelKey[n] = key;
        }
        return labelText[n];
    }

    private void paintOverlay(GraphicsContext g, double width, double height) {
        g.clearRect(0, 0, width, height);
        double px = 1 / deviceScale;
        if (selectedNode >= 0 && selectedNode < tree.size()) {
            Bounds b = frameBounds(selectedNode);
            if (b != null) {
                g.setStroke(SELECTED_HALO);
                g.setLineWidth(3 * px);
                g.strokeRect(b.getMinX() + 1.5 * px, b.getMinY() + 1.5 * px, b.getWidth() - 4 * px, b.getHeight() - 4 * px);
                g.setStroke(SELECTED);
                g.setLineWidth(2 * px);
                g.strokeRect(b.getMinX() + px, b.getMinY() + px, b.getWidth() - 3 * px, b.getHeight() - 3 * px);
            }
        }
        if (hoverNode >= 0 && hoverNode != selectedNode) {
            Bounds b = frameBounds(hoverNode);
            if (b != null) {
                g.setStroke(HOVER);
                g.setLineWidth(px);
                g.strokeRect(b.getMinX() + px / 2, b.getMinY() + px / 2, b.getWidth() - 2 * px, b.getHeight() - 2 * px);
            }
        }
    }

    /** Top edge of a row, in panel coordinates. */
    private double rowTop(int depth) {
        int row = depth - firstDepth;
        return growUp ? getHeight() - (row + 1) * ROW_HEIGHT + scrollY : row * ROW_HEIGHT - scrollY;
    }

    private double snap(double x) {
        return Math.round(x * deviceScale) / deviceScale;
    }

    private double minimumSpan() {
        return Math.max(1e-3, tree.total(0) * 1e-9);
    }

    private void clampWindow() {
        double total = tree.total(0);
        if (total == 0) {
            windowLow = 0;
            windowHigh = 1;
            return;
        }
        double span = Math.max(minimumSpan(), Math.min(total, windowHigh - windowLow));
        windowLow = Math.max(0, Math.min(windowLow, total - span));
        windowHigh = windowLow + span;
    }

    private void clampScroll() {
        double content = (tree.maxDepth() + 1 - firstDepth) * ROW_HEIGHT;
        scrollY = Math.max(0, Math.min(scrollY, content - getHeight()));
    }
}
