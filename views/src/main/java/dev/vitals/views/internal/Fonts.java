package dev.vitals.views.internal;

import javafx.scene.text.Font;

/** The fonts the canvas views draw with. */
public final class Fonts {
    /** Axis labels, lane names, legends. */
    public static final Font SMALL = Font.font(Font.getDefault().getFamily(), 11);

    private Fonts() {
    }
}
