package dev.vitals.views.internal;

import dev.vitals.model.ThreadState;
import dev.vitals.views.ViewColours;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;

/** Small legend nodes: a swatch per thread state, or a count scale from 0 to a maximum. */
public final class Legends {
    private Legends() {
    }

    /** A legend of the thread-state colours. */
    public static HBox states() {
        HBox box = new HBox(8);
        box.getStyleClass().add("state-legend");
        box.setAlignment(Pos.CENTER_LEFT);
        for (ThreadState s : ThreadState.values()) {
            if (s != ThreadState.UNKNOWN) {
                box.getChildren().add(swatch(Palettes.state(s), s.name().toLowerCase()));
            }
        }
        return box;
    }

    /** A swatch with a label. */
    public static Label swatch(Color colour, String text) {
        Label label = new Label(text, new Rectangle(10, 10, colour));
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    /**
     * A count scale legend whose right label {@link #setMax shows} the maximum, on the scale for the
     * view's background (following it when the theme changes).
     */
    public static HBox scale(String unit, ViewColours colours) {
        Rectangle bar = new Rectangle(120, 10);
        Runnable paint = () -> {
            Stop[] stops = new Stop[11];
            for (int i = 0; i <= 10; i++) {
                double f = i / 10.0;
                stops[i] = new Stop(f * f, Palettes.scale(f, colours.dark()));
            }
            bar.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        };
        paint.run();
        colours.onChange(paint);
        Label max = new Label();
        max.getStyleClass().add("scale-max");
        HBox box = new HBox(4, new Label("0"), bar, max, new Label(unit));
        box.getStyleClass().add("count-legend");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Sets the maximum shown by a {@link #scale} legend. */
    public static void setMax(HBox scaleLegend, long max) {
        ((Label) scaleLegend.getChildren().get(2)).setText(Long.toString(max));
    }
}
