package org.recworkbench.algo.content;

import org.junit.jupiter.api.Test;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;
import org.recworkbench.job.Cancellation;
import org.recworkbench.job.Progress;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Four items "red apple", "green apple", "red car", "red bike" (N = 4; red in 3 items, apple in 2) and a new text
 * "The red, red apple and a banana!": after stop words red ×2, apple ×1, banana ×1 (not in the vocabulary, dropped).
 * Expected weights from w_it = tf(n_it) · idf(t) / ‖tf · idf‖, written out here rather than taken from the index
 * (the log/plain red weight also checked in Python).
 */
class NewItemVectorTest {

    private static final String[] NONE = new String[0];
    private static final Dataset SHOP = new DatasetBuilder("shop", DatasetKind.EXPLICIT)
            .item("i1", "red apple", NONE, "")
            .item("i2", "green apple", NONE, "")
            .item("i3", "red car", NONE, "")
            .item("i4", "red bike", NONE, "")
            .add("u1", "i1", 5).add("u1", "i2", 1)
            .build();
    private static final String NEW_TEXT = "The red, red apple and a banana!";

    private static TfidfIndex index(ContentParams.TfVariant tf, ContentParams.IdfVariant idf) {
        return TfidfIndex.build(SHOP, new ContentParams(tf, idf, false, true, true), Progress.NONE,
                Cancellation.NEVER);
    }

    private static String[] termsOf(TfidfIndex index, TfidfIndex.TermVector v) {
        return Arrays.stream(v.terms()).mapToObj(t -> index.terms[t]).toArray(String[]::new);
    }

    @Test
    void newTextWeightsUseLogTfAndPlainIdfOfTheFittedCatalogue() {
        TfidfIndex index = index(ContentParams.TfVariant.LOG, ContentParams.IdfVariant.PLAIN);
        TfidfIndex.TermVector v = index.vectorise(NEW_TEXT);
        double red = (1 + Math.log(2)) * Math.log(4.0 / 3);
        double apple = 1 * Math.log(4.0 / 2);
        double norm = Math.sqrt(red * red + apple * apple);
        assertThat(termsOf(index, v)).containsExactly("red", "apple");
        assertThat(v.weights()).containsExactly(new double[] {red / norm, apple / norm}, within(1e-12));
        assertThat(v.weights()[0]).isCloseTo(0.574954756247397, within(1e-12));
        assertThat(v.rawNorm()).isCloseTo(norm, within(1e-12));
    }

    @Test
    void newTextWeightsUseRawTfAndSmoothIdfWhenFittedSo() {
        TfidfIndex index = index(ContentParams.TfVariant.RAW, ContentParams.IdfVariant.SMOOTH);
        TfidfIndex.TermVector v = index.vectorise(NEW_TEXT);
        double red = 2 * (Math.log((1 + 4.0) / (1 + 3)) + 1);
        double apple = 1 * (Math.log((1 + 4.0) / (1 + 2)) + 1);
        double norm = Math.sqrt(red * red + apple * apple);
        assertThat(termsOf(index, v)).containsExactly("red", "apple");
        assertThat(v.weights()).containsExactly(new double[] {red / norm, apple / norm}, within(1e-12));
    }

    @Test
    void newTextWithTheCatalogueTextOfAnItemHasThatItemsVector() {
        TfidfIndex index = index(ContentParams.TfVariant.LOG, ContentParams.IdfVariant.PLAIN);
        TfidfIndex.TermVector v = index.vectorise("red car");
        int[] terms = Arrays.copyOfRange(index.itemTerms, index.itemStart[2], index.itemStart[3]);
        double[] weights = Arrays.copyOfRange(index.weights, index.itemStart[2], index.itemStart[3]);
        assertThat(v.terms()).isEqualTo(terms);
        assertThat(v.weights()).isEqualTo(weights);
    }

    @Test
    void textWithoutKnownTermsIsAnEmptyVector() {
        TfidfIndex index = index(ContentParams.TfVariant.LOG, ContentParams.IdfVariant.PLAIN);
        assertThat(index.vectorise("banana zebra").isEmpty()).isTrue();
        assertThat(index.vectorise("").isEmpty()).isTrue();
        assertThat(index.vectorise(null).isEmpty()).isTrue();
        assertThat(index.vectorise("the and of").terms()).isEmpty();
    }
}
