package dev.vitals.views;

import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Table cells that never cut what matters: a {@linkplain #whole whole} cell widens its column until
 * its text fits (numbers never lose digits), and a {@linkplain #qualifiedName qualified name} cell
 * elides a name in the middle, keeping its last part (the method) whole.
 */
public final class TableCells {
    private static final String ELLIPSIS = "…";
    /** Room a column header takes beside its text (padding and the sort arrow). */
    private static final double HEADER_EXTRA = 16;

    private TableCells() {
    }

    /**
     * A cell showing {@code format} of its item whole: when its text (or its column's title, in
     * bold) does not fit, its column's minimum width grows to the text's (and never shrinks, so a
     * column settles at its widest value).
     */
    public static <S, T> TableCell<S, T> whole(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }

            /** Checked at each layout, after CSS: a new theme may bring another font or padding. */
            @Override
            protected void layoutChildren() {
                TableColumn<S, T> column = getTableColumn();
                if (getText() != null && column != null) {
                    Font bold = Font.font(getFont().getFamily(), FontWeight.BOLD, getFont().getSize());
                    double text = Math.max(width(getText(), getFont()), width(column.getText(), bold) + HEADER_EXTRA);
                    double needed = Math.ceil(text + snappedLeftInset() + snappedRightInset()) + 2;
                    if (needed > column.getMinWidth()) {
                        column.setMinWidth(needed);
                        column.setPrefWidth(Math.max(column.getPrefWidth(), needed));
                    }
                }
                super.layoutChildren();
            }
        };
    }

    /**
     * A cell showing a qualified name ({@code package.Class.method}) elided in the middle to its
     * width, keeping the last part whole ({@link #elideMiddle}); the full name stays the cell's
     * item and accessible text.
     */
    public static <S> TableCell<S, String> qualifiedName() {
        return new TableCell<>() {
            {
                widthProperty().addListener((obs, was, is) -> fit());
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                fit();
            }

            private void fit() {
                String item = isEmpty() ? null : getItem();
                setAccessibleText(item);
                setText(item == null ? null
                        : elideMiddle(item, getWidth() - snappedLeftInset() - snappedRightInset() - 2, getFont()));
            }
        };
    }

    /**
     * {@code name} cut in the middle to fit {@code width} in {@code font}: the last part after a
     * '.' (a method with its class, else the method) stays whole and as much of the start as fits
     * is kept, as in "dev.vitals…Work.hashLoop"; a name whose last part does not fit (a path, a
     * long token) keeps as much of its start and its end. A name that fits, or a width not known
     * yet (0 or less), is returned as it is.
     */
    public static String elideMiddle(String name, double width, Font font) {
        if (width <= 0 || width(name, font) <= width) {
            return name;
        }
        int lastDot = name.lastIndexOf('.', name.length() - 2);
        int classDot = lastDot <= 0 ? -1 : name.lastIndexOf('.', lastDot - 1);
        for (int dot : new int[] {classDot, lastDot}) {
            String tail = name.substring(dot + 1);
            if (dot > 0 && width(ELLIPSIS + tail, font) <= width) {
                int keep = longest(name.length() - tail.length(), k -> name.substring(0, k) + ELLIPSIS + tail, width, font);
                return name.substring(0, keep) + ELLIPSIS + tail;
            }
        }
        int half = longest(name.length() / 2, k -> name.substring(0, k) + ELLIPSIS + name.substring(name.length() - k),
                width, font);
        return name.substring(0, half) + ELLIPSIS + name.substring(name.length() - half);
    }

    /** The largest {@code k} in {@code [0, most]} whose {@code text(k)} fits the width (0 if none does). */
    private static int longest(int most, IntFunction<String> text, double width, Font font) {
        int low = 0;
        int high = most;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (width(text.apply(mid), font) <= width) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The width of a text in a font. */
    public static double width(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
