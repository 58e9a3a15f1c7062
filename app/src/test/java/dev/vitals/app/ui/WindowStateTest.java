package dev.vitals.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** A remembered window is restored within the screens there are now. */
class WindowStateTest {
    /** A 1280×800 screen less a 28 px panel at the top. */
    private static final Rectangle2D SMALL = new Rectangle2D(0, 28, 1280, 772);

    @Test
    void aWindowFromALargerScreenShrinksIntoASmallOne() {
        Rectangle2D restored = WindowState.fit(new Rectangle2D(0, 0, 1920, 1080), List.of(SMALL), SMALL);
        assertThat(restored).isEqualTo(SMALL);
    }

    @Test
    void aWindowThatFitsIsMovedBackOnScreenKeepingItsSize() {
        Rectangle2D restored = WindowState.fit(new Rectangle2D(900, 600, 1000, 700), List.of(SMALL), SMALL);
        assertThat(restored).isEqualTo(new Rectangle2D(280, 100, 1000, 700));
    }

    @Test
    void aWindowStaysOnTheScreenItOverlapsMost() {
        Rectangle2D right = new Rectangle2D(1280, 0, 1920, 1080);
        Rectangle2D restored = WindowState.fit(new Rectangle2D(1300, 50, 1600, 900), List.of(SMALL, right), SMALL);
        assertThat(restored).isEqualTo(new Rectangle2D(1300, 50, 1600, 900));
        Rectangle2D gone = WindowState.fit(new Rectangle2D(3500, 50, 1600, 900), List.of(SMALL), SMALL);
        assertThat(gone).as("a window on a screen that is gone comes to the primary one")
                .isEqualTo(new Rectangle2D(0, 28, 1280, 772));
    }

    @Test
    void aWindowWithoutAPlaceIsCentredAtTheDefaultSizeOrLess() {
        Rectangle2D restored = WindowState.fit(new Rectangle2D(Double.NaN, Double.NaN, 1280, 800), List.of(SMALL), SMALL);
        assertThat(restored).isEqualTo(SMALL);
        Rectangle2D large = new Rectangle2D(0, 0, 1920, 1080);
        assertThat(WindowState.fit(new Rectangle2D(Double.NaN, Double.NaN, 1280, 800), List.of(large), large))
                .isEqualTo(new Rectangle2D(320, 140, 1280, 800));
    }
}
