package org.recworkbench.ui.formulas;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.recworkbench.examples.ExampleResult;
import org.recworkbench.examples.SeedExampleEvaluator;
import org.recworkbench.examples.SeedExamples;
import org.recworkbench.ui.common.I18n;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The gallery's verdict line for each of the three verdicts, in both languages. */
class GalleryVerdictTextTest {

    private static ExampleResult result(String id) {
        return SeedExampleEvaluator.evaluate(SeedExamples.require(id));
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void eachVerdictInWords() {
        I18n.setLocale(Locale.ENGLISH);
        assertThat(GalleryView.verdictText(result("000-tfidf-1"))).startsWith("✓ agrees: printed 1/4×log(10)");
        assertThat(GalleryView.verdictText(result("000-cosine-1")))
                .isEqualTo("✗ wrong final value: printed ≈0.75, correct 0.97828");
        assertThat(GalleryView.verdictText(result("003-pearson-1")))
                .startsWith("△ the final value is right (printed 1, correct 1), but 15 printed steps are wrong: "
                        + "meanX printed 0.28, correct 0.3; deviationsX[0] printed -0.18, correct -0.2");
        assertThat(GalleryView.verdictText(result("001-similarity-1")))
                .startsWith("△ the article wrote only the expression; the gallery's own evaluation of it: "
                        + "r11·r13/(r11²+r13²) = 0·0/(0+0) (undefined) (the gallery's evaluation");
        assertThat(GalleryView.verdictText(result("004-loss-sign-1")))
                .startsWith("△ no final value printed (correct 0.10536); wrong in the article: leadingSign printed");
        assertThat(GalleryView.verdictText(result("002-code-output-1")))
                .isEqualTo("✗ wrong final value: printed 0.7071, correct 0.9999999");
        assertThat(GalleryView.mark(result("003-pearson-1"))).isEqualTo("△");
    }

    @Test
    void chineseVerdict() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(GalleryView.verdictText(result("003-pearson-1"))).startsWith("△ 最终值正确（印出 1，正确值 1），但有 15 个");
        assertThat(GalleryView.verdictText(result("000-cosine-1"))).isEqualTo("✗ 最终值有误：印出 ≈0.75，正确值 0.97828");
    }
}
