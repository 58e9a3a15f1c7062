package dev.vitals.app.ui.diagnostics;

import dev.vitals.model.diagnostics.DumpedThread;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * One deadlock drawn as its ring: a circle per thread, and an arrow from each thread to the thread
 * holding the lock it waits for, labelled with that lock.
 */
final class DeadlockGraph extends Pane {
    private static final double RADIUS = 70;
    private static final double NODE = 9;

    DeadlockGraph(List<DumpedThread> ring) {
        getStyleClass().add("deadlock-graph");
        double cx = 170;
        double cy = RADIUS + 28;
        setPrefSize(2 * cx, 2 * cy);
        setMinHeight(2 * cy);
        int n = ring.size();
        // two threads: their two arrows would lie on one line, so each is moved aside (to its own left)
        double aside = n == 2 ? 10 : 0;
        for (int i = 0; i < n; i++) {
            double[] from = at(i, n, cx, cy);
            double[] to = at((i + 1) % n, n, cx, cy);
            double length = Math.hypot(to[0] - from[0], to[1] - from[1]);
            double px = (to[1] - from[1]) / length;
            double py = -(to[0] - from[0]) / length;
            arrow(new double[] {from[0] + px * aside, from[1] + py * aside}, new double[] {to[0] + px * aside, to[1] + py * aside});
            DumpedThread waiter = ring.get(i);
            Text lock = new Text((from[0] + to[0]) / 2 + px * (aside + 6) - 70, (from[1] + to[1]) / 2 + py * (aside + 6)
                    + (py > 0 ? 10 : 0), waiter.waitingOn() == null ? "" : "waits for " + waiter.waitingOn().text());
            lock.getStyleClass().add("deadlock-lock");
            lock.setStyle("-fx-font-size: 10px; -fx-fill: -color-fg-muted;");
            getChildren().add(lock);
        }
        for (int i = 0; i < n; i++) {
            double[] p = at(i, n, cx, cy);
            Circle node = new Circle(p[0], p[1], NODE);
            node.setStyle("-fx-fill: -color-danger-emphasis;");
            Text name = new Text(p[0] - 60, p[1] + (p[1] < cy - 1 ? -NODE - 6 : NODE + 14), ring.get(i).name());
            name.setWrappingWidth(120);
            name.setTextAlignment(TextAlignment.CENTER);
            name.setTextOrigin(VPos.BASELINE);
            name.setStyle("-fx-font-weight: bold; -fx-fill: -color-fg-default;");
            getChildren().addAll(node, name);
        }
    }

    /** Thread i of n on the circle, the first at the top; two threads sit left and right. */
    private static double[] at(int i, int n, double cx, double cy) {
        double angle = n == 2 ? Math.PI * (i + 1) : -Math.PI / 2 + 2 * Math.PI * i / n;
        return new double[] {cx + RADIUS * Math.cos(angle), cy + RADIUS * Math.sin(angle)};
    }

    private void arrow(double[] from, double[] to) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double length = Math.hypot(dx, dy);
        double ux = dx / length;
        double uy = dy / length;
        double sx = from[0] + ux * NODE;
        double sy = from[1] + uy * NODE;
        double ex = to[0] - ux * (NODE + 2);
        double ey = to[1] - uy * (NODE + 2);
        Line line = new Line(sx, sy, ex, ey);
        line.setStyle("-fx-stroke: -color-danger-fg; -fx-stroke-width: 2;");
        Polygon head = new Polygon(ex, ey, ex - ux * 10 - uy * 5, ey - uy * 10 + ux * 5, ex - ux * 10 + uy * 5,
                ey - uy * 10 - ux * 5);
        head.setStyle("-fx-fill: -color-danger-fg;");
        getChildren().addAll(line, head);
    }
}
