package dev.vitals.views.flame.internal;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A bar with one group of controls at its start and one at its end, on one row when both fit at
 * their preferred widths (the start group then gets the room between them), else on two rows, the
 * end group below: in a narrow view neither group is squeezed.
 */
public final class TwoSidedBar extends Region {
    private static final double GAP = 6;

    private final Node start;
    private final Node end;

    public TwoSidedBar(Node start, Node end) {
        this.start = start;
        this.end = end;
        getChildren().addAll(start, end);
    }

    private boolean oneRow(double width) {
        return width < 0 || snappedLeftInset() + start.prefWidth(-1) + GAP + end.prefWidth(-1) + snappedRightInset() <= width;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(start.minWidth(-1), end.minWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + start.prefWidth(-1) + GAP + end.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double rows = oneRow(width) ? Math.max(start.prefHeight(-1), end.prefHeight(-1))
                : start.prefHeight(-1) + GAP + end.prefHeight(-1);
        return snappedTopInset() + rows + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets insets = new Insets(snappedTopInset(), snappedRightInset(), snappedBottomInset(), snappedLeftInset());
        double width = getWidth() - insets.getLeft() - insets.getRight();
        double endWidth = Math.min(width, end.prefWidth(-1));
        if (oneRow(getWidth())) {
            double height = getHeight() - insets.getTop() - insets.getBottom();
            layoutInArea(start, insets.getLeft(), insets.getTop(), width - endWidth - GAP, height, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, insets.getLeft() + width - endWidth, insets.getTop(), endWidth, height, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double startHeight = start.prefHeight(-1);
            layoutInArea(start, insets.getLeft(), insets.getTop(), width, startHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, insets.getLeft(), insets.getTop() + startHeight + GAP, width, end.prefHeight(-1), 0,
                    HPos.RIGHT, VPos.CENTER);
        }
    }
}
