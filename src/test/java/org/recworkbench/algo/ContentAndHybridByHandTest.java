package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.algo.content.ContentModel;
import org.recworkbench.algo.content.ContentTfidfAlgorithm;
import org.recworkbench.algo.hybrid.HybridAlgorithm;
import org.recworkbench.data.Dataset;
import org.recworkbench.data.DatasetBuilder;
import org.recworkbench.data.DatasetKind;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recworkbench.algo.AlgorithmsByHandTest.fit;

/**
 * Three items "red apple", "green apple", "red car" (N = 3; idf red = apple = ln 3/2, green = car = ln 3); u1 rates
 * the first 5 and the second 1 (mean 3, profile weights +2 and −2). i3 has text but no ratings. Values checked
 * independently in Python.
 */
class ContentAndHybridByHandTest {

    private static final String[] NONE = new String[0];
    private static final Dataset SHOP = new DatasetBuilder("shop", DatasetKind.EXPLICIT)
            .item("i1", "red apple", NONE, "")
            .item("i2", "green apple", NONE, "")
            .item("i3", "red car", NONE, "")
            .add("u1", "i1", 5).add("u1", "i2", 1)
            .build();

    @Test
    void tfIdfWeightsAreLogIdfNormalisedPerItem() {
        ContentModel m = (ContentModel) fit(new ContentTfidfAlgorithm(), SHOP);
        assertThat(m.itemTerms(1)).extracting(Map.Entry::getKey).containsExactly("green", "apple");
        assertThat(m.itemTerms(1).get(0).getValue()).isCloseTo(0.9381453975456102, within(1e-12));
        assertThat(m.explainTermWeight(1, "apple").result()).isCloseTo(0.3462415530579614, within(1e-12));
        assertThat(m.explainTermWeight(1, "apple").steps()).extracting(s -> s.title())
                .contains("Inverse document frequency", "Normalised weight");
    }

    @Test
    void scoreIsTheCosineOfTheMeanCentredProfileAndTheItem() {
        Model m = fit(new ContentTfidfAlgorithm(), SHOP);
        assertThat(m.scoreAll(0)).containsExactly(new double[] {0.6144795561709738, -0.6144795561709737,
                0.19921716486506222}, within(1e-12));
        Explanation e = m.explain(0, 2);
        assertThat(e.score()).isEqualTo(m.scoreAll(0)[2]);
        assertThat(e.derivation().result()).isEqualTo(e.score());
        assertThat(e.contributions()).extracting(Contribution::id).containsExactly("red");
    }

    @Test
    void anItemWithTextAndNoRatingsIsRecommended() {
        assertThat(fit(new ContentTfidfAlgorithm(), SHOP).recommend(0, 5).items()).containsExactly(2);
    }

    @Test
    void hybridBlendsMinMaxNormalisedScoresByAlpha() {
        Model m = fit(new HybridAlgorithm(), SHOP, "alpha=0.3", "cf=popular");
        // popular: 1, 1, 0 → 1, 1, 0; content → (s − min)/(max − min); 0.3·a' + 0.7·b'
        assertThat(m.scoreAll(0)).containsExactly(new double[] {1.0, 0.3, 0.46347164767735755}, within(1e-12));
        Explanation e = m.explain(0, 2);
        assertThat(e.score()).isEqualTo(m.scoreAll(0)[2]);
        assertThat(e.derivation().steps()).hasSize(3);
        Model z = m.withParams(m.params().with("normalisation", "z-score")).orElseThrow();
        assertThat(z.scoreAll(0)[2]).isCloseTo(-0.2421288418068347, within(1e-12));
        assertThat(m.withParams(m.params().with("alpha", 1.0)).orElseThrow().scoreAll(0))
                .containsExactly(1.0, 1.0, 0.0);
        assertThat(m.withParams(m.params().with("cf", "bias"))).isEmpty();
    }

    @Test
    void hybridReasonNamesTheComponentThatAddsMost() {
        Model m = fit(new HybridAlgorithm(), SHOP, "alpha=0.3", "cf=popular");
        // i3: popular a' = 0 adds 0.3 · 0 = 0; content b' = 0.662 adds 0.7 · 0.662 = 0.463 of 0.463
        assertThat(Reasons.why(m.explain(0, 2))).startsWith("content-tfidf gives 0.46 of 0.46 (shares the word");
        // α = 0: the cf component adds nothing to any item, so it is never the reason
        Model contentOnly = m.withParams(m.params().with("alpha", 0.0)).orElseThrow();
        assertThat(Reasons.why(contentOnly.explain(0, 2))).startsWith("content-tfidf gives");
        // α = 1: i1's popular a' = 1 adds 1 of 1
        Model cfOnly = m.withParams(m.params().with("alpha", 1.0)).orElseThrow();
        assertThat(Reasons.why(cfOnly.explain(0, 0))).startsWith("popular gives 1 of 1");
    }

    @Test
    void everyRegisteredAlgorithmHasAnIdFamilyDescriptionAndValidDefaults() {
        assertThat(AlgorithmRegistry.all()).extracting(Algorithm::id).startsWith("popular", "global-mean",
                "bias", "user-mean", "item-mean", "random", "user-knn", "item-knn", "seed-cf", "slope-one",
                "content-tfidf", "hybrid").doesNotHaveDuplicates();
        Dataset categorised = new DatasetBuilder("categorised", DatasetKind.EXPLICIT)
                .item("i1", "red apple", new String[] {"fruit"}, "")
                .item("i2", "green apple", new String[] {"fruit"}, "")
                .item("i3", "red car", new String[] {"vehicle"}, "")
                .add("u1", "i1", 5).add("u1", "i2", 1).add("u2", "i3", 4).add("u2", "i1", 2)
                .build();
        for (Algorithm<?> a : AlgorithmRegistry.all()) {
            assertThat(a.description()).isNotBlank();
            assertThat(a.family()).isNotNull();
            Model model = fit(a, categorised);
            assertThat(model.algorithmId()).isEqualTo(a.id());
            assertThat(model.params()).isEqualTo(a.defaults());
            assertThat(model.scoreAll(0)).hasSize(categorised.itemCount());
        }
    }
}
