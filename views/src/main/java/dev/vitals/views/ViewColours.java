package dev.vitals.views;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;

/**
 * The colours a canvas view paints its chrome with, set from CSS so that a theme reaches the
 * canvases: the background behind the data, text (titles, legends, labels), muted text, the strips
 * behind axes and lane names, grid lines and frames. The canvas controls ({@link ProfileControl}s
 * and the flame graph) carry the style class {@value #STYLE_CLASS}, each hold one and list
 * {@link #CONTROL_CSS_META_DATA} as their CSS properties, so a stylesheet sets, for example:
 *
 * <pre>{@code
 * .vitals-view { -vitals-background: #0d1117; -vitals-text: #c9d1d9; }
 * }</pre>
 *
 * <p>The initial values are the light look, used when no stylesheet sets them (headless rendering).
 * Each property is created when first asked for (by code or by CSS), as JavaFX's own controls do.
 */
public final class ViewColours {
    /** Something whose CSS properties include the view colours'. */
    public interface Styled extends Styleable {
        ViewColours viewColours();
    }

    private static final Color BACKGROUND = Color.WHITE;
    private static final Color TEXT = Color.rgb(0x20, 0x20, 0x20);
    private static final Color MUTED_TEXT = Color.rgb(0x70, 0x70, 0x70);
    private static final Color AXIS_BACKGROUND = Color.rgb(0xf4, 0xf4, 0xf4);
    private static final Color GRID = Color.rgb(0, 0, 0, 0.12);

    private static final CssMetaData<Styleable, Color> BACKGROUND_META =
            meta("-vitals-background", BACKGROUND, c -> c.background());
    private static final CssMetaData<Styleable, Color> TEXT_META = meta("-vitals-text", TEXT, c -> c.text());
    private static final CssMetaData<Styleable, Color> MUTED_TEXT_META =
            meta("-vitals-muted-text", MUTED_TEXT, c -> c.mutedText());
    private static final CssMetaData<Styleable, Color> AXIS_BACKGROUND_META =
            meta("-vitals-axis-background", AXIS_BACKGROUND, c -> c.axisBackground());
    private static final CssMetaData<Styleable, Color> GRID_META = meta("-vitals-grid", GRID, c -> c.grid());

    /** A control's own CSS properties followed by the view colours'. */
    public static final List<CssMetaData<? extends Styleable, ?>> CONTROL_CSS_META_DATA = Stream.concat(
            Control.getClassCssMetaData().stream(),
            Stream.of(BACKGROUND_META, TEXT_META, MUTED_TEXT_META, AXIS_BACKGROUND_META, GRID_META)).toList();
    /** The style class of the canvas controls. */
    public static final String STYLE_CLASS = "vitals-view";

    private final Styled owner;
    private StyleableObjectProperty<Color> background;
    private StyleableObjectProperty<Color> text;
    private StyleableObjectProperty<Color> mutedText;
    private StyleableObjectProperty<Color> axisBackground;
    private StyleableObjectProperty<Color> grid;

    public ViewColours(Styled owner) {
        this.owner = owner;
    }

    private static CssMetaData<Styleable, Color> meta(String name, Color initial,
                                                      Function<ViewColours, StyleableObjectProperty<Color>> property) {
        return new CssMetaData<>(name, StyleConverter.getColorConverter(), initial) {
            @Override
            public boolean isSettable(Styleable styleable) {
                return !property.apply(((Styled) styleable).viewColours()).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(Styleable styleable) {
                return property.apply(((Styled) styleable).viewColours());
            }
        };
    }

    private StyleableObjectProperty<Color> create(CssMetaData<Styleable, Color> meta, String name) {
        return new StyleableObjectProperty<>(meta.getInitialValue(owner)) {
            @Override
            public Object getBean() {
                return owner;
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public CssMetaData<? extends Styleable, Color> getCssMetaData() {
                return meta;
            }
        };
    }

    /** Behind the data: the flame graph's canvas, the plots. CSS {@code -vitals-background}. */
    public StyleableObjectProperty<Color> background() {
        if (background == null) {
            background = create(BACKGROUND_META, "background");
        }
        return background;
    }

    /** Titles, legends, labels. CSS {@code -vitals-text}. */
    public StyleableObjectProperty<Color> text() {
        if (text == null) {
            text = create(TEXT_META, "text");
        }
        return text;
    }

    /** Secondary text (a series that was not recorded). CSS {@code -vitals-muted-text}. */
    public StyleableObjectProperty<Color> mutedText() {
        if (mutedText == null) {
            mutedText = create(MUTED_TEXT_META, "mutedText");
        }
        return mutedText;
    }

    /** Behind the time axis and the lane names. CSS {@code -vitals-axis-background}. */
    public StyleableObjectProperty<Color> axisBackground() {
        if (axisBackground == null) {
            axisBackground = create(AXIS_BACKGROUND_META, "axisBackground");
        }
        return axisBackground;
    }

    /** Grid lines, ticks and frames. CSS {@code -vitals-grid}. */
    public StyleableObjectProperty<Color> grid() {
        if (grid == null) {
            grid = create(GRID_META, "grid");
        }
        return grid;
    }

    public Color backgroundColour() {
        return background().get();
    }

    public Color textColour() {
        return text().get();
    }

    public Color mutedTextColour() {
        return mutedText().get();
    }

    public Color axisBackgroundColour() {
        return axisBackground().get();
    }

    public Color gridColour() {
        return grid().get();
    }

    /** True when the background is dark (light text and a scale that brightens with the count). */
    public boolean dark() {
        Color c = backgroundColour();
        return 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 0.5;
    }

    /** All the colours (creating them), to follow a change of theme. */
    public List<ObservableValue<Color>> all() {
        return List.of(background(), text(), mutedText(), axisBackground(), grid());
    }

    /** Calls {@code onChange} whenever one of the colours changes, for as long as this object lives. */
    public void onChange(Runnable onChange) {
        for (ObservableValue<Color> p : all()) {
            p.addListener((obs, was, is) -> onChange.run());
        }
    }
}
