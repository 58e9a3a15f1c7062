package dev.vitals.app.ui.diagnostics;

import dev.vitals.model.diagnostics.DumpedThread;
import java.util.List;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * One deadlock drawn as its ring: a circle per thread on a circle (two threads side by side), and
 * an arrow from each thread to the thread holding the lock it waits for, labelled with that lock.
 * Two threads' arrows run apart, one above the other, so both labels can be read.
 */
final class DeadlockGraph extends Pane {
    private static final double NODE = 9;
    private static final double WIDTH = 600;

    DeadlockGraph(List<DumpedThread> ring) {
        getStyleClass().add("deadlock-graph");
        int n = ring.size();
        double radius = n == 2 ? 170 : 90;
        double cx = WIDTH / 2;
        double cy = n == 2 ? 44 : radius + 30;
        double height = n == 2 ? 100 : 2 * radius + 60;
        setPrefSize(WIDTH, height);
        setMinSize(WIDTH, height);
        double aside = n == 2 ? 12 : 0;
        for (int i = 0; i < n; i++) {
            double[] from = at(i, n, cx, cy, radius);
            double[] to = at((i + 1) % n, n, cx, cy, radius);
            double length = Math.hypot(to[0] - from[0], to[1] - from[1]);
            // the arrow's left, seen along it: for two threads, one arrow above and one below
            double px = (to[1] - from[1]) / length;
            double py = -(to[0] - from[0]) / length;
            arrow(from[0] + px * aside, from[1] + py * aside, to[0] + px * aside, to[1] + py * aside);
            DumpedThread waiter = ring.get(i);
            Text lock = new Text(waiter.name() + " waits for " + (waiter.waitingOn() == null ? "?" : waiter.waitingOn().text()));
            lock.setFont(Font.font(11));
            lock.setStyle("-fx-fill: -color-fg-muted;");
            double mx = (from[0] + to[0]) / 2 + px * (aside + 8);
            double my = (from[1] + to[1]) / 2 + py * (aside + 8);
            lock.setX(mx - lock.getLayoutBounds().getWidth() / 2);
            lock.setY(py > 0 ? my + lock.getLayoutBounds().getHeight() - 2 : my - 2);
            getChildren().add(lock);
        }
        for (int i = 0; i < n; i++) {
            double[] p = at(i, n, cx, cy, radius);
            Circle node = new Circle(p[0], p[1], NODE);
            node.setStyle("-fx-fill: -color-danger-emphasis;");
            Text name = new Text(ring.get(i).name());
            name.setFont(Font.font(null, FontWeight.BOLD, 13));
            name.setStyle("-fx-fill: -color-fg-default;");
            double w = name.getLayoutBounds().getWidth();
            if (n == 2) {
                name.setX(i == 0 ? p[0] - NODE - 6 - w : p[0] + NODE + 6);
                name.setY(p[1] + 4);
            } else {
                name.setX(p[0] - w / 2);
                name.setY(p[1] < cy - 1 ? p[1] - NODE - 6 : p[1] + NODE + 14);
            }
            getChildren().addAll(node, name);
        }
    }

    /** Thread i of n on the circle, the first at the top; two threads sit left and right. */
    private static double[] at(int i, int n, double cx, double cy, double radius) {
        double angle = n == 2 ? Math.PI * (i + 1) : -Math.PI / 2 + 2 * Math.PI * i / n;
        return new double[] {cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)};
    }

    private void arrow(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        double ux = (x1 - x0) / length;
        double uy = (y1 - y0) / length;
        double sx = x0 + ux * NODE;
        double sy = y0 + uy * NODE;
        double ex = x1 - ux * (NODE + 2);
        double ey = y1 - uy * (NODE + 2);
        Line line = new Line(sx, sy, ex, ey);
        line.setStyle("-fx-stroke: -color-danger-fg; -fx-stroke-width: 2;");
        Polygon head = new Polygon(ex, ey, ex - ux * 10 - uy * 5, ey - uy * 10 + ux * 5, ex - ux * 10 + uy * 5,
                ey - uy * 10 - ux * 5);
        head.setStyle("-fx-fill: -color-danger-fg;");
        getChildren().addAll(line, head);
    }
}
