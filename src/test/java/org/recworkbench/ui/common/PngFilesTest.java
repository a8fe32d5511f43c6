package org.recworkbench.ui.common;

import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recworkbench.ui.FxTestSupport;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recworkbench.ui.FxTestSupport.fx;

/** A JavaFX image written as PNG reads back pixel for pixel, and only the finished file is left behind. */
class PngFilesTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @Test
    void pixelsSurviveTheRoundTrip() throws Exception {
        BufferedImage pixels = fx(() -> {
            WritableImage image = new WritableImage(3, 2);
            image.getPixelWriter().setArgb(0, 0, 0xFFFF0000);
            image.getPixelWriter().setArgb(2, 1, 0xFF0000FF);
            return PngFiles.pixels(image);
        });
        Path target = folder.resolve("sub/picture.png");
        PngFiles.write(pixels, target);
        BufferedImage back = ImageIO.read(target.toFile());
        assertThat(back.getWidth()).isEqualTo(3);
        assertThat(back.getHeight()).isEqualTo(2);
        assertThat(back.getRGB(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(back.getRGB(2, 1)).isEqualTo(0xFF0000FF);
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("picture.png");
        }
    }
}
