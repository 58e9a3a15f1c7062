package dev.vitals.views.flame.internal;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextFitterTest {
    private static final Font FONT = Font.font(12);

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    void cachedWidthsAgreeWithTheTextLayout() throws Exception {
        String name = "dev.vitals.demo.Work.hashLoop";
        double cached = onFx(() -> new TextFitter(FONT).width(name, 0, name.length()));
        double laidOut = onFx(() -> {
            Text text = new Text(name);
            text.setFont(FONT);
            return text.getLayoutBounds().getWidth();
        });
        assertThat(cached).isCloseTo(laidOut, within(laidOut * 0.05));
    }

    @Test
    void namesAreKeptWholeCutWithAnEllipsisOrLeftOut() throws Exception {
        String name = "dev.vitals.demo.Work.hashLoop";
        onFx(() -> {
            TextFitter fitter = new TextFitter(FONT);
            double full = fitter.width(name, 0, name.length());
            assertThat(fitter.fit(name, 0, full + 1)).isEqualTo(name.length());
            int cut = fitter.fit(name, 0, full / 2);
            assertThat(cut).isBetween(TextFitter.MIN_CHARS, name.length() - 1);
            double ellipsis = fitter.width(TextFitter.ELLIPSIS, 0, 1);
            assertThat(fitter.width(name, 0, cut) + ellipsis).isLessThanOrEqualTo(full / 2);
            assertThat(fitter.fit(name, 0, fitter.width(name, 0, 2) + ellipsis)).as("fewer than 3 characters: nothing").isZero();
            int from = "dev.vitals.demo.".length();
            assertThat(fitter.fit(name, from, fitter.width(name, from, name.length()))).isEqualTo(name.length() - from);
            return null;
        });
    }
}
