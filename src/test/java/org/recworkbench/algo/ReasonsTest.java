package org.recworkbench.algo;

import org.junit.jupiter.api.Test;
import org.recworkbench.explain.Derivation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason named first is the strongest positive contribution, in words; numbers chosen by hand. */
class ReasonsTest {

    private static Explanation explained(double score, Contribution... parts) {
        return new Explanation(0, 0, "test", null, score, Double.NaN, List.of(parts),
                new Derivation("Test derivation", List.of()));
    }

    private static Contribution neighbour(String title, double similarity, double rating) {
        return new Contribution(Reasons.NEIGHBOUR_ITEM, title.toLowerCase(java.util.Locale.ROOT), title,
                Contribution.ordered("similarity", similarity, "rating", rating), similarity * rating);
    }

    @Test
    void contributionsAreOrderedBySignedAmountNotBySimilarity() {
        // given in similarity order: 0.9·1 = 0.9, 0.6·5 = 3.0, then a negative −0.5 and a NaN
        Contribution nan = new Contribution("x", "nan", "nan", Contribution.ordered(), Double.NaN);
        Contribution negative = new Contribution("x", "neg", "neg", Contribution.ordered(), -0.5);
        Explanation e = explained(3.9, neighbour("Alien (1979)", 0.9, 1), neighbour("Star Wars (1977)", 0.6, 5),
                nan, negative);
        assertThat(e.contributions()).extracting(Contribution::id)
                .containsExactly("star wars (1977)", "alien (1979)", "neg", "nan");
    }

    @Test
    void whyNamesTheStrongestPositiveNeighbourByTitleNotTheMostSimilar() {
        Explanation e = explained(3.9, neighbour("Alien (1979)", 0.9, 1), neighbour("Star Wars (1977)", 0.6, 5));
        assertThat(Reasons.why(e)).isEqualTo("similar to Star Wars (1977): you rated it 5, s = 0.6 (+3)");
        assertThat(Reasons.summary(e, 3)).isEqualTo("similar to Star Wars (1977): you rated it 5, s = 0.6 (+3); "
                + "similar to Alien (1979): you rated it 1, s = 0.9 (+0.9)");
    }

    @Test
    void biasesAndFactorsAreNamedInWordsAndTheGlobalMeanIsNoReason() {
        // μ 3.5 is largest but a starting point; b_i +0.32 is the strongest reason; factor 1: 0.5 · 0.04 = 0.02
        Explanation e = explained(3.74,
                new Contribution(Reasons.GLOBAL_MEAN, "mu", "global mean μ", Contribution.ordered("value", 3.5), 3.5),
                new Contribution(Reasons.USER_BIAS, "b_u", "user bias b_u", Contribution.ordered("value", -0.1), -0.1),
                new Contribution(Reasons.ITEM_BIAS, "b_i", "item bias b_i", Contribution.ordered("value", 0.32), 0.32),
                new Contribution(Reasons.FACTOR, "1", "factor 1", Contribution.ordered("p_u", 0.5, "q_i", 0.04,
                        "product", 0.02), 0.02));
        assertThat(Reasons.why(e)).isEqualTo("item bias +0.32 (liked more than average)");
        assertThat(Reasons.summary(e, 3)).isEqualTo("item bias +0.32 (liked more than average); "
                + "taste factor 1: user +0.5 × item +0.04 = +0.02; user bias -0.1 (this user rates below average)");
    }

    @Test
    void aHybridReasonNamesTheComponentThatAddsMost() {
        // α = 0: item-knn adds 0 · 0.9 = 0, content-tfidf 1 · 0.85
        Explanation alphaZero = explained(0.85,
                new Contribution(Reasons.COMPONENT, "item-knn", "item-knn", Contribution.ordered(), 0),
                new Contribution(Reasons.COMPONENT, "content-tfidf", "content-tfidf: shares the word \"war\" (+0.4)",
                        Contribution.ordered(), 0.85));
        assertThat(Reasons.why(alphaZero))
                .isEqualTo("content-tfidf gives 0.85 of 0.85 (shares the word \"war\" (+0.4))");
        // α = 0.8: item-knn 0.8 · 0.875 = 0.70, content 0.2 · 0.75 = 0.15
        Explanation mostlyKnn = explained(0.85,
                new Contribution(Reasons.COMPONENT, "content-tfidf", "content-tfidf", Contribution.ordered(), 0.15),
                new Contribution(Reasons.COMPONENT, "item-knn", "item-knn", Contribution.ordered(), 0.70));
        assertThat(Reasons.why(mostlyKnn)).isEqualTo("item-knn gives 0.7 of 0.85");
    }

    @Test
    void withNoPositiveContributionTheLargestIsNamedAndWithNoneTheDerivation() {
        Explanation negative = explained(-0.3, new Contribution("x", "a", "a", Contribution.ordered(), -0.1),
                new Contribution("x", "b", "b", Contribution.ordered(), -0.2));
        assertThat(Reasons.why(negative)).isEqualTo("x a (-0.1)");
        assertThat(Reasons.why(explained(1))).isEqualTo("Test derivation");
    }
}
