package org.recworkbench.ui.common;

import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recworkbench.ui.FxTestSupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** JLaTeXMath renders our formulas into images with ink on them; a broken formula gives null, not an exception. */
class FormulaImagesTest {

    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxTestSupport.startToolkit();
    }

    @Test
    void aFractionRendersWiderThanItsNumeratorAndHasInk() {
        WritableImage fraction = FormulaImages.renderNow("s = \\frac{\\sum_{c \\in C} a_c b_c}{\\lVert a \\rVert"
                + " \\, \\lVert b \\rVert}", 18, false);
        WritableImage small = FormulaImages.renderNow("s", 18, false);
        assertThat(fraction).isNotNull();
        assertThat(fraction.getWidth()).isGreaterThan(small.getWidth() * 4);
        assertThat(fraction.getHeight()).isGreaterThan(small.getHeight());
        int ink = 0;
        for (int x = 0; x < fraction.getWidth(); x++) {
            for (int y = 0; y < fraction.getHeight(); y++) {
                if ((fraction.getPixelReader().getArgb(x, y) >>> 24) > 128) {
                    ink++;
                }
            }
        }
        assertThat(ink).isGreaterThan(100);
    }

    @Test
    void anUnparsableFormulaGivesNullInTheBackgroundToo() throws Exception {
        assertThat(FormulaImages.renderNow("\\nonexistentcmd{1}", 18, false)).isNull();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        FormulaImages.render("\\nonexistentcmd{1}", 18, true, image -> done.complete(image == null));
        assertThat(done.get(20, TimeUnit.SECONDS)).isTrue();
    }
}
