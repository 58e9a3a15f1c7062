package dev.vitals.views.internal;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The count scale reads on both backgrounds: denser is darker on white, brighter on the dark theme's near-black. */
class PalettesTest {
    private static final Color DARK_BACKGROUND = Color.web("#0d1117");

    private static double luminance(Color c) {
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
    }

    @Test
    void onALightBackgroundDenserCellsAreDarker() {
        assertThat(luminance(Palettes.count(1, 1000, false))).isGreaterThan(luminance(Palettes.count(1000, 1000, false)) + 0.4);
    }

    @Test
    void onADarkBackgroundDenserCellsAreBrighterAndARareOneStillShows() {
        Color rare = Palettes.count(1, 1000, true);
        Color dense = Palettes.count(1000, 1000, true);
        assertThat(luminance(dense)).isGreaterThan(luminance(rare) + 0.4);
        assertThat(luminance(rare)).as("a single sample against the background").isGreaterThan(luminance(DARK_BACKGROUND) + 0.15);
    }
}
