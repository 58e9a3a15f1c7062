package dev.vitals.views.flame;

import dev.vitals.model.query.CallTree;
import dev.vitals.views.HeadlessFx;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FlameGraphImagesTest {
    static final Path OUT = Path.of(System.getProperty("vitals.test.output", "target/test-images"));

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void rendersPngOfTheDemoTree() throws Exception {
        Path out = OUT.resolve("demo-flame.png");
        FlameGraphImages.renderPng(TestTrees.demo(), FlameRenderOptions.defaults().withSize(1000, 400), out);
        byte[] png = Files.readAllBytes(out);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        FlameGraphImages.renderPng(TestTrees.demo(), FlameRenderOptions.defaults().withSize(1000, 400)
                .withOrientation(FlameOrientation.ICICLE).withSearch("sort", false), OUT.resolve("demo-icicle-search.png"));
    }
}
