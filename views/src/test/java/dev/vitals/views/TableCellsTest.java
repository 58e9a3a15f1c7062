package dev.vitals.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Names cut in the middle keep the method (or, without one, their start and end) and fit. */
@ExtendWith(ApplicationExtension.class)
class TableCellsTest {
    private static final Font FONT = Font.font("System", 13);

    @Test
    void aLongMethodNameKeepsItsClassAndMethod() {
        String name = "dev.vitals.demo.Work.hashLoop";
        double width = TableCells.width("dev.vit" + "…Work.hashLoop", FONT) + 1;
        String cut = TableCells.elideMiddle(name, width, FONT);
        assertThat(cut).startsWith("dev.vit").endsWith("…Work.hashLoop");
        assertThat(TableCells.width(cut, FONT)).isLessThanOrEqualTo(width);
    }

    @Test
    void aNarrowerWidthKeepsTheMethodAlone() {
        String name = "java.util.DualPivotQuicksort.mixedInsertionSort";
        double width = TableCells.width("java…mixedInsertionSort", FONT) + 1;
        String cut = TableCells.elideMiddle(name, width, FONT);
        assertThat(cut).endsWith("…mixedInsertionSort");
        assertThat(TableCells.width(cut, FONT)).isLessThanOrEqualTo(width);
    }

    @Test
    void aNameThatFitsOrAnUnknownWidthIsLeftAlone() {
        assertThat(TableCells.elideMiddle("a.b.c", 500, FONT)).isEqualTo("a.b.c");
        assertThat(TableCells.elideMiddle("dev.vitals.demo.Work.hashLoop", 0, FONT)).isEqualTo("dev.vitals.demo.Work.hashLoop");
    }

    @Test
    void aPathKeepsItsStartAndEnd() {
        String path = "@/work/wt/16/app/target/surefire/surefireargs-20261204153354842_3";
        double width = 150;
        String cut = TableCells.elideMiddle(path, width, FONT);
        assertThat(cut).startsWith("@/work").endsWith("_3").contains("…");
        assertThat(TableCells.width(cut, FONT)).isLessThanOrEqualTo(width);
    }
}
